import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def order = 'src/main/java/com/acme/shop/domain/Order.java'

// The ServiceLoader rule: two uses of Date reported, the third suppressed where it stands.
assert log.findAll { it.contains(' acme-no-java-util-date: ') } == [
        "[WARNING] ${order}:[10,19] acme-no-java-util-date: `java.util.Date` is used; use `java.time.Instant`",
        "[WARNING] ${order}:[14,29] acme-no-java-util-date: `java.util.Date` is used; use `java.time.Instant`",
        "[WARNING] ${order}:[14,44] acme-no-java-util-date: `java.util.Date` is used; use `java.time.Instant`",
].collect { it.toString() }
// The ArchUnit rule: the domain's call into the web layer, at the line ArchUnit gives.
def layers = log.findAll { it.contains(' acme-layers: ') }
// ArchUnit gives a line for the call, none for the return type (reported on the file).
assert layers == [
        "[WARNING] ${order} acme-layers: Method <com.acme.shop.domain.Order.toView()> has return type <com.acme.shop.web.OrderView> in (Order.java:0)",
        "[WARNING] ${order}:[21,1] acme-layers: Method <com.acme.shop.domain.Order.toView()> calls constructor "
                + '<com.acme.shop.web.OrderView.<init>(java.lang.String, java.lang.String)> in (Order.java:21)',
].collect { it.toString() }
assert log.contains('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'app/target/archlint/archlint.json'))
assert report.findings*.ruleId.toSet() == ['acme-no-java-util-date', 'acme-layers'] as Set
assert report.summary.suppressed == 1
def sarif = new JsonSlurper().parse(new File(basedir, 'app/target/archlint/archlint.sarif'))
assert sarif.runs[0].tool.driver.rules*.id.containsAll(['acme-layers', 'acme-no-java-util-date'])
