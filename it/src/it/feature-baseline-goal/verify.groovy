import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] Archlint baseline archlint-baseline.json: 2 findings accepted (2 added, 0 pruned)')
assert log.contains('[INFO] BUILD SUCCESS')

def file = new File(basedir, 'archlint-baseline.json')
def text = file.text
assert !text.contains('\r') && !text.contains('"line"')
def baseline = new JsonSlurper().parse(file)
assert baseline.archlintBaseline == 1
assert baseline.findings.collect { [it.ruleId, it.file, it.symbol] } == [
        ['no-connection-pool', 'pom.xml', 'org.postgresql:postgresql'],
        ['no-connection-pool', 'src/main/java/com/acme/orders/OrderCounter.java', 'com.acme.orders.OrderCounter#countOrders'],
]
// The same code gives the same fingerprints as the baseline committed in the other baseline cases.
assert baseline.findings*.fingerprint == ['c7358e5e48e74949', '9c5f571af4443316']
