package com.sequentum.mcp;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("sequentum-mcp: skeleton");
    }
}
