package dev.occam.cli;

import dev.occam.data.DataFormatException;
import dev.occam.data.RowLines;

import java.nio.file.Path;

/**
 * Errors about one data row's value that a command finds after reading the file (a negative
 * count for poisson, a class the training data lacks): the message gives the row's place as
 * {@code file:line:column}, found by reading the file again ({@link RowLines}).
 */
final class RowErrors {
    private RowErrors() { }

    /**
     * @param file the data file as the user named it
     * @param libSvm whether it is LibSVM (the label is token 1 of its line) rather than CSV
     * @param column the CSV column of the value (the target), or null for LibSVM
     * @param row the 0-based data row
     */
    static DataFormatException at(Path file, boolean libSvm, String column, int row, String expected, String found) {
        long line = libSvm ? RowLines.libSvm(file, row) : RowLines.csv(file, row);
        int col = libSvm ? 1 : RowLines.csvColumn(file, column);
        if (line <= 0) {
            // the file changed under us: say which data row
            return new DataFormatException(file.toString(), 0, 0, column, expected, found + " in data row " + (row + 1));
        }
        return new DataFormatException(file.toString(), line, col, column, expected, found);
    }

    /** A target value as the user would have written it: whole numbers without ".0". */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
