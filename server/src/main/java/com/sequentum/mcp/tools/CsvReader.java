package com.sequentum.mcp.tools;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming RFC 4180 reader: comma-separated fields, CRLF or LF record ends, double-quoted fields that may
 * hold commas, quotes ({@code ""}) and line breaks. One record at a time; a record longer than the limit, an
 * unclosed quote or text after a closing quote is reported as malformed (with the 1-based record number).
 */
final class CsvReader {
    static final class MalformedCsv extends IOException {
        MalformedCsv(String message) { super(message); }
    }

    private final Reader in;
    private final int maxRecordChars;
    private int pushedBack = -2;
    private long record;

    CsvReader(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** Number of records read so far (the header included). */
    long recordsRead() { return record; }

    /** The next record's fields, or null at end of input. Blank lines are skipped. */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') c = read();
        if (c == -1) return null;
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int size = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (++size > maxRecordChars) {
                throw new MalformedCsv("record " + record + " is longer than " + maxRecordChars
                        + " characters (an unclosed quote?)");
            }
            if (quoted) {
                if (c == -1) throw new MalformedCsv("record " + record + " has a quoted field that is never closed");
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') unread(d);
                }
                fields.add(field.toString());
                return fields;
            }
            if (afterQuote) {
                throw new MalformedCsv("record " + record + " has text after a closing quote");
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                c = read();
                continue;
            }
            if (c == '"') throw new MalformedCsv("record " + record + " has a quote inside an unquoted field");
            fieldStart = false;
            field.append((char) c);
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) { pushedBack = c; }
}
