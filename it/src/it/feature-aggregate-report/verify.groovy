import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }

assert containing('Using the MultiThreadedBuilder implementation with a thread count of 2').size() == 1
assert has('[INFO] BUILD SUCCESS')

// Written exactly once, by whichever check completed the reactor, at the top-level project.
assert matching(/\[INFO\] Archlint aggregate of 3 modules \(3 findings\): target\/archlint\/archlint-aggregate\.html/).size() == 1
assert !containing('Archlint aggregate: no report from')
['orders-api', 'orders-domain', 'billing-web'].each { module ->
    assert !new File(basedir, "$module/target/archlint/archlint-aggregate.json").exists()
    assert new File(basedir, "$module/target/archlint/archlint.json").isFile()
}

def aggregate = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint-aggregate.json'))
assert aggregate.tool == [name: 'archlint', version: archlintVersion]
assert aggregate.project == [groupId: 'com.acme.it', artifactId: 'feature-aggregate-report', version: '1.0.0-SNAPSHOT']
// Modules in reactor order (billing-web needs orders-domain), whatever order -T finished them in.
assert aggregate.modules.collect { it.module.artifactId } == ['orders-api', 'orders-domain', 'billing-web']
assert aggregate.modules.collect { [it.module.artifactId, it.summary.total, it.summary.bySeverity, it.summary.failed] } == [
        ['orders-api', 1, [ERROR: 0, WARNING: 1, INFO: 0], false],
        ['orders-domain', 0, [ERROR: 0, WARNING: 0, INFO: 0], false],
        ['billing-web', 2, [ERROR: 0, WARNING: 1, INFO: 1], false]]
def findings = aggregate.modules.collectMany { m -> m.findings.collect { [m.module.artifactId, it.ruleId, it.severity, it.file, it.symbol, it.status] } }
assert findings == [
        ['orders-api', 'controller-data-access', 'WARNING', 'src/main/java/com/acme/orders/api/OrderStatsController.java',
         'com.acme.orders.api.OrderStatsController', 'new'],
        ['billing-web', 'missing-global-error-handler', 'INFO', 'src/main/java/com/acme/billing/web/InvoiceController.java',
         'com.acme.billing.web.InvoiceController', 'new'],
        ['billing-web', 'controller-data-access', 'WARNING', 'src/main/java/com/acme/billing/web/InvoiceController.java',
         'com.acme.billing.web.InvoiceController', 'new']]
assert aggregate.summary == [modules: 3, total: 3, bySeverity: [ERROR: 0, WARNING: 2, INFO: 1], failed: false]
assert aggregate.missing == []

// The page: a totals row per module and every finding with its module; backticks of the messages stay text.
def html = new File(basedir, 'target/archlint/archlint-aggregate.html').getText('UTF-8')
assert html.startsWith('<!DOCTYPE html>')
assert !html.contains('<script') && !html.contains('http://') && !html.contains('https://')
assert html.contains('<tr><td>orders-api</td><td class="n">1</td><td class="n">0</td><td class="n">1</td><td class="n">0</td><td>passed</td></tr>')
assert html.contains('<tr><td>orders-domain</td><td class="n">0</td>')
assert html.contains('<tr><td>billing-web</td><td class="n">2</td><td class="n">0</td><td class="n">1</td><td class="n">1</td><td>passed</td></tr>')
assert html.contains('<td>billing-web</td><td class="WARNING">WARNING</td><td>controller-data-access</td><td>src/main/java/com/acme/billing/web/InvoiceController.java:12</td>')
assert html.contains('`InvoiceController` injects `JdbcTemplate`')
