import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] BUILD SUCCESS')

def findings = { String module ->
    new JsonSlurper().parse(new File(basedir, "$module/target/archlint/archlint.json")).findings
            .collect { [it.ruleId, it.file] }
}
// The handler in shop-framework covers shop-web's controllers...
assert findings('shop-web') == []
assert findings('shop-framework') == []
// ...but not those of reports-web, which does not depend on it.
assert findings('reports-web') == [['missing-global-error-handler',
        'src/main/java/com/acme/reports/web/SalesReportController.java']]
