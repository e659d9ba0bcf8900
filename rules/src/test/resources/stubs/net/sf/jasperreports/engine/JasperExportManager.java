package net.sf.jasperreports.engine;

public final class JasperExportManager { public static byte[] exportReportToPdf(JasperPrint print) { return new byte[0]; } }
