def out = new File(basedir, 'target/archlint')
out.setWritable(true, false)
def log = new File(basedir, 'build.log').readLines()
def error = log.find { it.startsWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:') }
assert error != null
assert error.contains(': Archlint could not write the report ')
assert error.contains('archlint.html: ')
assert error =~ /(permission denied on .*target\/archlint|target\/archlint\/archlint\.html is a directory) \(check the path and its permissions; the previous file, if any, is unchanged\)/
// One line, no stack trace without -e.
assert !log.any { it.startsWith('\tat ') || it.startsWith('Caused by:') }
assert new File(out, 'archlint.json').text == '{"previous":true}\n'
assert new File(out, 'archlint.sarif').text == 'previous sarif\n'
assert !out.list().any { it.endsWith('.tmp') }
return true
