import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }

// Each input the analysis could not use: once on the console, with the file and the reason.
def expectedSkipped = [
        'src/main/java/com/acme/orders/Broken.java': 'does not parse at line 4: Parse error. Found "{"',
        'src/main/java/com/acme/orders/Huge.java': '10.0 MB, over the 2 MB analysed per source file (most likely generated code); not analysed',
        'src/main/java/com/acme/orders/loop': 'symbolic link loop, not followed; the rest of the source root was analysed',
        'src/main/resources/application.yml': "does not parse at line 4: expected <block end>, but found '<block mapping start>'; its keys were not checked",
        // A migration with a half-written statement: noted, and its other statement and V1 are still read.
        'src/main/resources/db/migration/V2__half_written.sql': '1 DDL statement not understood and left out of the schema (first at line 2: ALTER TABLE orders ALTER COLUMN)',
        'target/classes/com/acme/orders/Future.class': 'class file version 99 (Java 55) could not be read by the bytecode importer (ArchUnit); '
                + '1 class file not analysed by the rules that read bytecode (target/classes/com/acme/orders/Future.class)',
]
def consoleSkipped = startingWith('[WARNING] ').findAll { it.contains(': skipped: ') }
assert consoleSkipped as Set == expectedSkipped.collect { file, reason -> "[WARNING] ${file}: skipped: ${reason}".toString() } as Set
assert consoleSkipped.size() == expectedSkipped.size()

// The rest is analysed: ISO-8859-1, Java 21-25 syntax, the 5,000-character line; not the generated root.
def findings = startingWith('[WARNING] src/').findAll { it.contains(' system-out-logging: ') }.collect { it.substring(10, it.indexOf(' system-out-logging')) }
assert findings as Set == ['src/main/java/com/acme/orders/Labels.java:[7,9]', 'src/main/java/com/acme/orders/Wide.java:[7,9]',
        'src/main/java/com/acme/orders/modern/Shapes.java:[31,9]'] as Set
assert !log.any { it.contains('GeneratedPrinter') }
assert log.any { it ==~ /\[INFO\] Archlint .* on feature-hostile-input: 3 findings \(0 errors, 3 warnings, 0 infos\), \d+ rules run, 6 inputs skipped/ }
assert log.contains('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.skipped.collectEntries { [(it.file): it.reason] } == expectedSkipped
assert report.skipped.size() == 6
assert report.findings*.ruleId == ['system-out-logging'] * 3

def sarif = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.sarif'))
def notifications = sarif.runs[0].invocations[0].toolExecutionNotifications
assert notifications.collect { it.locations[0].physicalLocation.artifactLocation.uri } as Set == expectedSkipped.keySet()
assert notifications.every { it.level == 'warning' && it.message.text.startsWith(it.locations[0].physicalLocation.artifactLocation.uri + ': ') }

def html = new File(basedir, 'target/archlint/archlint.html').getText('UTF-8')
expectedSkipped.keySet().each { assert html.contains("<tr><td><code>${it}</code></td>") }
return true
