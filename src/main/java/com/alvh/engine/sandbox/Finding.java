package com.alvh.engine.sandbox;

/**
 * Something a generated class does that rule code may not: the class and method it is in (which the compiler
 * maps back to a rule, function, query or declared type), what it tried, and the type and member it reached
 * (internal name; member may be null) so the compiler can point at the source line that names them.
 */
public record Finding(String className, String method, String what, String target, String member) {

    public Finding(String className, String method, String what) {
        this(className, method, what, null, null);
    }
}
