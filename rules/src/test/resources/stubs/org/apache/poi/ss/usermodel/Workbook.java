package org.apache.poi.ss.usermodel;

public interface Workbook extends java.io.Closeable { Object createSheet(String name); void write(java.io.OutputStream stream) throws java.io.IOException; }
