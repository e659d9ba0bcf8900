package org.apache.poi.xssf.usermodel;

public class XSSFWorkbook implements org.apache.poi.ss.usermodel.Workbook { public Object createSheet(String name) { return null; } public void write(java.io.OutputStream stream) {} public void close() {} }
