def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] BUILD SUCCESS')
assert log.any { it.contains('archlint-maven-plugin:') && it.contains(':report') }

def page = new File(basedir, 'target/site/archlint.html')
assert page.isFile()
def html = page.getText('UTF-8')
assert html.contains('Summary by severity') && html.contains('Summary by rule')
assert html.contains('Archlint ' + archlintVersion + ' on feature-site-report: 1 finding')
assert html.contains('controller-data-access')
assert html.contains('src/main/java/com/acme/orders/api/OrderStatsController.java')
assert html.contains('`OrderStatsController` injects `JdbcTemplate`')
// Listed in the site's reports.
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile() && index.getText('UTF-8').contains('archlint.html')
// The report goal is not the gate: no check reports were written.
assert !new File(basedir, 'target/archlint').exists()
