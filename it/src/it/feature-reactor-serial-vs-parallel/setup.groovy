// Generates the twenty modules: m01..m20 in four chains (m02 depends on m01, ..., m05 on m04; m06 starts
// the next chain), each with a few pitfalls in classes named after the module, so that a report mixed
// up between modules would show.
(1..20).each { i ->
    def name = String.format('m%02d', i)
    def dir = new File(basedir, name)
    def pkg = "com.acme.${name}"
    def src = new File(dir, "src/main/java/com/acme/${name}")
    src.mkdirs()
    def dependency = (i % 5 == 1) ? '' : """
  <dependencies>
    <dependency>
      <groupId>com.acme.it</groupId>
      <artifactId>${String.format('m%02d', i - 1)}</artifactId>
      <version>1.0.0-SNAPSHOT</version>
    </dependency>
  </dependencies>"""
    new File(dir, 'pom.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>com.acme.it</groupId>
    <artifactId>feature-reactor-serial-vs-parallel</artifactId>
    <version>1.0.0-SNAPSHOT</version>
  </parent>
  <artifactId>${name}</artifactId>${dependency}
</project>
"""
    (1..(1 + i % 3)).each { k ->
        new File(src, "Job${k}.java").text = """package ${pkg};

public class Job${k} {

    private final String password = "s3cr3t-${name}-${k}-Zq8";

    public int run(String input) {
        try {
            return Integer.parseInt(input);
        } catch (NumberFormatException e) {
            e.printStackTrace();
        }
        System.out.println("job ${k} of ${name} ran on " + input);
        try {
            return Integer.parseInt(input.trim());
        } catch (RuntimeException ignored) {
        }
        return ${k};
    }
}
"""
    }
}
return true
