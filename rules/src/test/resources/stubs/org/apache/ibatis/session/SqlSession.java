package org.apache.ibatis.session;

public interface SqlSession { int insert(String statement, Object parameter); }
