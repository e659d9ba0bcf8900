package net.sf.jasperreports.engine;

public final class JasperFillManager { public static JasperPrint fillReport(String sourceFileName, java.util.Map<String, Object> parameters, java.sql.Connection connection) { return new JasperPrint(); } }
