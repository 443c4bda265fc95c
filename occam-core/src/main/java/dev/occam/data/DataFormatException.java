package dev.occam.data;

/**
 * Bad input from a user's file: a missing or non-numeric cell, a ragged row, an empty file, an
 * unknown column, a damaged model file. The message is always one line naming the file and, where
 * known, the line, column, what was expected and what was found, for example
 * <pre>
 *   data.csv:12:3 (column "age"): expected a number, found "abc"
 *   data.csv: the file is empty
 * </pre>
 * Line and column numbers are 1-based; the header of a CSV file is line 1. The command-line tool
 * prints this message after {@code occam: } and exits with status 2.
 */
public final class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String columnName;

    /**
     * A problem at one place of a file.
     *
     * @param file the file as the user named it
     * @param line 1-based line number, or ≤ 0 when not tied to a line
     * @param column 1-based column (CSV field or LibSVM token) number, or ≤ 0 when not tied to a column
     * @param columnName the column's name, or null
     * @param expected what a valid file has there, e.g. "a number"
     * @param found what was there, e.g. "\"abc\"" (quote the user's text yourself)
     */
    public DataFormatException(String file, long line, int column, String columnName, String expected, String found) {
        super(oneLine(place(file, line, column, columnName) + ": expected " + expected + ", found " + found));
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
    }

    /**
     * A problem with a file as a whole, e.g. {@code data.csv: the file is empty}.
     *
     * @param file the file as the user named it
     * @param message what is wrong, without the file name
     */
    public DataFormatException(String file, String message) {
        super(oneLine(file + ": " + message));
        this.file = file;
        this.line = 0;
        this.column = 0;
        this.columnName = null;
    }

    /** The file as the user named it. */
    public String file() { return file; }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public long line() { return line; }

    /** 1-based column, or 0 when the problem is not tied to a column. */
    public int column() { return column; }

    /** Name of the column, or null. */
    public String columnName() { return columnName; }

    /** {@code file:line:column (column "name")}, leaving out the parts that are unknown. */
    private static String place(String file, long line, int column, String columnName) {
        StringBuilder s = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) s.append(':').append(column);
        }
        if (columnName != null) s.append(" (column \"").append(columnName).append("\")");
        return s.toString();
    }

    /** Quotes a user's text for a message, shortened when very long. */
    public static String quote(String text) {
        if (text == null) return "nothing";
        String t = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "\"" + t + "\"";
    }

    /** Keeps a message on one line whatever text the file contained. */
    private static String oneLine(String s) {
        return s.replace("\r\n", "\\n").replace('\n', ' ').replace('\r', ' ');
    }
}
