import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('1 input could not be analysed (archlint.failOnAnalysisError=true): '
        + 'src/main/java/com/acme/orders/Broken.java (does not parse at line 4: Parse error. Found "{"); fix them, '
        + 'or set archlint.failOnAnalysisError=false to report them without failing')
assert log.contains('[INFO] BUILD FAILURE')
// The reports are written before the build fails.
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.skipped*.file == ['src/main/java/com/acme/orders/Broken.java']
return true
