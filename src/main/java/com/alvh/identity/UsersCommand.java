package com.alvh.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code users add NAME --roles R1,R2 --password-stdin | users list | users remove NAME}, on the embedded user store
 * of the data dir, without starting the service (it may run beside a live instance, which picks changes up).
 * {@link #run} is the whole command with its streams passed in, so a command-line framework can wrap it.
 * Exit codes: 0 done, 1 nothing to do (no such user), 2 bad usage.
 */
public final class UsersCommand {

    public static final int OK = 0;
    public static final int NOT_FOUND = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: users add NAME --roles ROLE[,ROLE...] --password-stdin | users list | users remove NAME"
            + " (roles: " + String.join(", ", Roles.ALL) + ")";

    private final UserStore store;
    private final InputStream in;
    private final PrintStream out;

    public UsersCommand(UserStore store, InputStream in, PrintStream out) {
        this.store = store;
        this.in = in;
        this.out = out;
    }

    /** Runs the command on the store in {@code dataDir}; bad usage prints one line to {@code err} and returns 2. */
    public static int run(List<String> args, Path dataDir, InputStream in, PrintStream out, PrintStream err) {
        try {
            return new UsersCommand(UserStores.forCommandLine(dataDir), in, out).execute(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("users: " + e.getMessage());
            return USAGE;
        } catch (UncheckedIOException e) {
            err.println("users: " + e.getMessage() + ": " + e.getCause().getMessage());
            return USAGE;
        }
    }

    /** The data dir as the service sees it: -Dalvh.data-dir, else ALVH_DATA_DIR, else {@code data}. */
    public static Path dataDir() {
        String value = System.getProperty("alvh.data-dir");
        if (value == null || value.isBlank()) {
            value = System.getenv("ALVH_DATA_DIR");
        }
        return Path.of(value == null || value.isBlank() ? "data" : value);
    }

    public int execute(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(USAGE_TEXT);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "add" -> add(rest);
            case "list" -> list(rest);
            case "remove" -> remove(rest);
            default -> throw new IllegalArgumentException("unknown subcommand '" + args.get(0) + "'; " + USAGE_TEXT);
        };
    }

    private int add(List<String> args) {
        String name = null;
        Set<String> roles = null;
        boolean passwordStdin = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--roles")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--roles needs a value such as client,auditor");
                }
                roles = roles(args.get(++i));
            } else if (arg.startsWith("--roles=")) {
                roles = roles(arg.substring("--roles=".length()));
            } else if (arg.equals("--password-stdin")) {
                passwordStdin = true;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE_TEXT);
            } else if (name == null) {
                name = arg;
            } else {
                throw new IllegalArgumentException("one user name only ('" + name + "', then '" + arg + "')");
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("add needs a user name; " + USAGE_TEXT);
        }
        if (roles == null) {
            throw new IllegalArgumentException("add needs --roles, e.g. --roles client,auditor");
        }
        if (!passwordStdin) {
            throw new IllegalArgumentException("add reads the password from standard input: pass --password-stdin");
        }
        String password = readPassword();
        StoredUser user = new StoredUser(name, Passwords.hash(password), roles);
        boolean replaced = store.put(user);
        out.println((replaced ? "replaced" : "added") + " user " + name + " with roles " + String.join(",", user.sortedRoles()));
        return OK;
    }

    private int list(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("list takes no argument");
        }
        for (StoredUser user : store.list()) {
            out.println(user.name() + "\t" + String.join(",", user.sortedRoles()));
        }
        return OK;
    }

    private int remove(List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new IllegalArgumentException("remove needs exactly one user name");
        }
        if (!store.remove(args.get(0))) {
            out.println("no user " + args.get(0));
            return NOT_FOUND;
        }
        out.println("removed user " + args.get(0));
        return OK;
    }

    private static Set<String> roles(String value) {
        Set<String> roles = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(roles::add);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("--roles needs at least one of " + Roles.ALL);
        }
        Set<String> unknown = Roles.unknown(roles);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown role(s) " + unknown + "; roles are " + Roles.ALL);
        }
        return roles;
    }

    /** The whole of standard input less one line ending: a password may contain spaces but not a newline. */
    private String readPassword() {
        String text;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            text = buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password from standard input: " + e.getMessage());
        }
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException("the password on standard input must be one line");
        }
        if (text.length() < Passwords.MIN_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        return text;
    }
}
