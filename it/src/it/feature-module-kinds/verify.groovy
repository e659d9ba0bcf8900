import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def slurper = new JsonSlurper()

// The pom parent has nothing to analyse and says so; it writes no report of its own.
assert log.contains('[INFO] Archlint: nothing to analyse in feature-module-kinds (packaging pom)')

// The war module is analysed like a jar.
def web = slurper.parse(new File(basedir, 'web/target/archlint/archlint.json'))
assert web.findings.collect { [it.ruleId, it.file, it.line] } == [
        ['system-out-logging', 'src/main/java/com/acme/web/StatusPage.java', 6]]
assert web.skipped == []
assert new File(basedir, 'web/target/web-1.0.0-SNAPSHOT.war').isFile()

// The empty module: no sources, no classes, no configuration; nothing found and nothing noted.
def empty = slurper.parse(new File(basedir, 'empty/target/archlint/archlint.json'))
assert empty.findings == []
assert empty.skipped == []
assert log.any { it ==~ /\[INFO\] Archlint .* on empty: 0 findings \(0 errors, 0 warnings, 0 infos\), \d+ rules run/ }
assert log.contains('[INFO] BUILD SUCCESS')
true
