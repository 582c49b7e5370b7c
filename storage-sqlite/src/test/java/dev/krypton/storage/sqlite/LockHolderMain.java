package dev.krypton.storage.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Test helper process: takes an exclusive lock on a SQLite file, prints "locked", holds it until stdin closes. */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("CREATE TABLE IF NOT EXISTS holder (x INTEGER)");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                Thread.onSpinWait();
            }
        }
    }
}
