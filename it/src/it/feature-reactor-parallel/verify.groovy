import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }
def slurper = new JsonSlurper()

assert containing('Using the MultiThreadedBuilder implementation with a thread count of 2').size() == 1
assert has('[INFO] Archlint: nothing to analyse in feature-reactor-parallel (packaging pom)')
// Two modules with reports: the top level holds only the aggregate, no report of its own.
assert new File(basedir, 'target/archlint').list().sort() == ['archlint-aggregate.html', 'archlint-aggregate.json']

// orders-api: one finding, reported with the module's own relative path.
def controller = 'src/main/java/com/acme/orders/api/OrderStatsController.java'
assert startingWith("[WARNING] ${controller}:[10,19] controller-data-access: ") == [
        "[WARNING] ${controller}:[10,19] controller-data-access: `OrderStatsController` injects `JdbcTemplate`; "
                + 'move the data access into a service and call the service from the controller']
assert matching(/\[INFO\] Archlint ${archlintVersion} on orders-api: 1 finding \(0 errors, 1 warning, 0 infos\), \d+ rules? run/).size() == 1
def api = slurper.parse(new File(basedir, 'orders-api/target/archlint/archlint.json'))
assert api.module == [groupId: 'com.acme.it', artifactId: 'orders-api', version: '1.0.0-SNAPSHOT']
assert api.findings.collect { [it.ruleId, it.severity, it.file, it.line, it.column, it.symbol, it.status] } == [
        ['controller-data-access', 'WARNING', controller, 10, 19, 'com.acme.orders.api.OrderStatsController', 'new']]
assert api.summary.total == 1
assert api.skipped == []

// orders-domain: nothing, and nothing of orders-api leaked into its report.
assert matching(/\[INFO\] Archlint ${archlintVersion} on orders-domain: 0 findings \(0 errors, 0 warnings, 0 infos\), \d+ rules? run/).size() == 1
def domain = slurper.parse(new File(basedir, 'orders-domain/target/archlint/archlint.json'))
assert domain.module == [groupId: 'com.acme.it', artifactId: 'orders-domain', version: '1.0.0-SNAPSHOT']
assert domain.findings == []
assert domain.summary.total == 0
assert domain.skipped == []

// Each module names its own report, relative to its own base directory.
def reports = ['html', 'json', 'sarif'].collect { "[INFO] Report: target/archlint/archlint.$it".toString() }
assert startingWith('[INFO] Report: ').sort() == (reports + reports).sort()
assert ['orders-api', 'orders-domain'].every { module ->
    ['html', 'json', 'sarif'].every { new File(basedir, "$module/target/archlint/archlint.$it").isFile() }
}
assert has('[INFO] BUILD SUCCESS')
