package dev.krypton.engine;

/** The operations a policy can allow a principal on a tenant (docs/design.md section 8). */
public enum Operation {
    CREATE, REGISTER, LOCATE, GET, GET_ATTRIBUTES, SET_ATTRIBUTES, ACTIVATE, REVOKE, DESTROY,
    REKEY, ENCRYPT, DECRYPT
}
