import groovy.json.JsonSlurper

def slurper = new JsonSlurper()
def modules = (1..20).collect { String.format('m%02d', it) }
def read = { String module, String run -> slurper.parse(new File(basedir, "${module}/target/archlint-${run}/archlint.json")) }
def comparable = { report -> [report.module, report.findings, report.skipped, report.summary] }

def total = 0
modules.each { module ->
    def serial = read(module, 'serial')
    def parallel = read(module, 'parallel')
    assert serial.module.artifactId == module
    assert !serial.findings.isEmpty()
    // Every finding belongs to this module's own classes: nothing leaked between modules.
    assert serial.findings.every { it.symbol == null || it.symbol.startsWith("com.acme.${module}.") }
    assert comparable(parallel) == comparable(serial)
    total += serial.findings.size()
}
// 20 modules with 1 + i % 3 classes each: 41 classes, each with a hardcoded secret, a printStackTrace and
// a System.out (the empty catch names its exception `ignored`, which swallowed-exception accepts).
assert total == 41 * 3
// The second build really ran in parallel.
assert new File(basedir, 'build.log').readLines().any { it.contains('MultiThreadedBuilder implementation with a thread count of 4') }
true
