package io.archlint.engine.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<SqlScript.Statement> split(String sql) {
        return SqlScript.split(sql);
    }

    @Test
    void keepsTheLineWhereEachStatementStartsPastComments() {
        assertThat(split("""
                -- header; with a semicolon
                /* block; comment
                   over lines */
                CREATE TABLE a (id int);

                INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);
                ALTER TABLE a
                  ADD COLUMN b int
                """)).extracting(SqlScript.Statement::line, SqlScript.Statement::text).containsExactly(
                tuple(4, "CREATE TABLE a (id int)"), tuple(6, "INSERT INTO a VALUES (1)"),
                tuple(6, "INSERT INTO a VALUES (2)"), tuple(7, "ALTER TABLE a\n  ADD COLUMN b int"));
    }

    @Test
    void doesNotSplitInsideLiteralsQuotedNamesOrDollarQuotes() {
        assertThat(split("""
                INSERT INTO t VALUES ('a;b', 'it''s; fine');
                CREATE TABLE "odd;name" (id int);
                CREATE FUNCTION f() RETURNS trigger AS $body$
                BEGIN
                  UPDATE t SET x = 1; RETURN NEW;
                END;
                $body$ LANGUAGE plpgsql;
                SELECT $$a;b$$, $1;
                """)).extracting(SqlScript.Statement::line).containsExactly(1, 2, 3, 8);
    }

    @Test
    void followsMySqlDelimiterAndBatchSeparators() {
        assertThat(split("""
                DELIMITER //
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
                DELIMITER ;
                CREATE TABLE a (id int)
                GO
                CREATE TABLE b (id int)
                /
                DROP TABLE c;
                """)).extracting(SqlScript.Statement::line, SqlScript.Statement::text).containsExactly(
                tuple(2, "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END"), tuple(4, "CREATE TABLE a (id int)"),
                tuple(6, "CREATE TABLE b (id int)"), tuple(8, "DROP TABLE c"));
    }

    @Test
    void startsCountingAtTheGivenLine() {
        assertThat(SqlScript.split("\n  ALTER TABLE a DROP COLUMN b;", ";", 10))
                .extracting(SqlScript.Statement::line).containsExactly(11);
    }
}
