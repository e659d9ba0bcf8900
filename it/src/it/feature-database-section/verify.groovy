import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def slurper = new JsonSlurper()
def orders = slurper.parse(new File(basedir, 'orders/target/archlint/archlint.json'))
def catalog = slurper.parse(new File(basedir, 'catalog/target/archlint/archlint.json'))
println orders.findings.collect { [it.file, it.line, it.ruleId, it.severity] }.join('\n')
println catalog.findings.collect { [it.file, it.line, it.ruleId, it.severity] }.join('\n')
true
