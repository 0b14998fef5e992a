package com.alvh.backtest.data;

import java.nio.file.Path;

/** A row of an imported file that cannot be read; names the file and the 1-based line so the user can fix it. */
public final class DataRowException extends RuntimeException {

    private final Path file;
    private final int line;

    public DataRowException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
