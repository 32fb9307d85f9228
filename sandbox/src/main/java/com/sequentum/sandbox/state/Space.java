package com.sequentum.sandbox.state;

import java.time.Instant;

/** SpaceApiModel. */
public final class Space {
    public int id;
    public String name;
    public String description;
    public int organizationId;
    public Instant created;
    public Instant updated;
    public boolean isDefaultAccess;
}
