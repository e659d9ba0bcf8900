package net.sf.jasperreports.engine;

public class JasperPrint { }
