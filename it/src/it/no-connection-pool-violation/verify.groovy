import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def matching = { String regex -> log.findAll { it ==~ regex } }

// The driver is reported where the pom declares it, with the path that brings it in.
assert startingWith('[ERROR] pom.xml:[18,5] no-connection-pool: ') == [
        '[ERROR] pom.xml:[18,5] no-connection-pool: JDBC driver `org.postgresql:postgresql:42.7.4` is on the runtime '
                + 'classpath (no-connection-pool-violation -> org.postgresql:postgresql:42.7.4) but no connection pool is; '
                + 'add HikariCP (`com.zaxxer:HikariCP`, which `spring-boot-starter-jdbc` brings) and configure the data source through it']

// The connection opened per call is reported at the call.
def counter = 'src/main/java/com/acme/orders/OrderCounter.java'
assert startingWith("[ERROR] ${counter}:[19,38] no-connection-pool: ") == [
        "[ERROR] ${counter}:[19,38] no-connection-pool: `OrderCounter#countOrders` opens a connection with "
                + '`DriverManager.getConnection`, a new physical connection per call; inject a pooled `DataSource` '
                + '(HikariCP) and take connections from it']

assert matching(/\[INFO\] Archlint ${archlintVersion} on no-connection-pool-violation: 2 findings \(2 errors, 0 warnings, 0 infos\), \d+ rules? run/).size() == 1
assert matching(/\[INFO\]   no-connection-pool\s+2\s+0\s+0/).size() == 1
assert startingWith('[INFO] Report: ') == ['html', 'json', 'sarif'].collect { "[INFO] Report: target/archlint/archlint.$it" }
assert ['html', 'json', 'sarif'].every { new File(basedir, "target/archlint/archlint.$it").isFile() }
def failure = startingWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:')
assert failure.size() == 1
assert failure[0].contains('on project no-connection-pool-violation: 2 findings at ERROR or above (archlint.failOnSeverity=ERROR)')
assert !has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module == [groupId: 'com.acme.it', artifactId: 'no-connection-pool-violation', version: '1.0.0-SNAPSHOT']
assert report.findings.collect { [it.ruleId, it.severity, it.file, it.line, it.column, it.status] } == [
        ['no-connection-pool', 'ERROR', 'pom.xml', 18, 5, 'new'],
        ['no-connection-pool', 'ERROR', 'src/main/java/com/acme/orders/OrderCounter.java', 19, 38, 'new'],
]
assert report.findings.every { it.message && it.fingerprint }
assert report.findings[0].message.contains('org.postgresql:postgresql')
assert report.findings[0].symbol == 'org.postgresql:postgresql'
assert report.findings[1].symbol == 'com.acme.orders.OrderCounter#countOrders'
assert report.summary.total == 2
assert report.summary.bySeverity == [ERROR: 2, WARNING: 0, INFO: 0]
assert report.summary.byRule == ['no-connection-pool': 2]
assert report.summary.failOnSeverity == 'ERROR'
assert report.summary.failed == true
assert report.skipped == []
