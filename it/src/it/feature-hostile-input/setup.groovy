import java.nio.file.Files
import java.nio.file.Paths

// Generated here rather than committed: a 10 MB source, a 5,000-character line, a class file from
// a future JDK, a symbolic link loop and a generated-sources root.
def orders = new File(basedir, 'src/main/java/com/acme/orders')

def huge = new StringBuilder('package com.acme.orders;\n\npublic final class Huge {\n')
for (int i = 0; huge.length() < 10 * 1024 * 1024; i++) {
    huge.append("    public static int value${i}(int x) { return x * ${i}; }\n")
}
new File(orders, 'Huge.java').text = huge.append('}\n').toString()

new File(orders, 'Wide.java').text = 'package com.acme.orders;\n\npublic class Wide {\n    public static final String TEXT = "' +
        ('x' * 5000) + '";\n\n    public void show() {\n        System.out.println(TEXT);\n    }\n}\n'

// Copied into target/classes by the resources plugin: class file version 99 (Java 55).
def future = new File(basedir, 'src/main/resources/com/acme/orders/Future.class')
future.parentFile.mkdirs()
future.bytes = [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x63, 0x00, 0x00] as byte[]

Files.createSymbolicLink(Paths.get(orders.path, 'loop'), Paths.get('..'))

// Generated code (annotation processors, OpenAPI) is compiled but not analysed.
def generated = new File(basedir, 'target/generated-sources/annotations/com/acme/orders/GeneratedPrinter.java')
generated.parentFile.mkdirs()
generated.text = 'package com.acme.orders;\n\npublic class GeneratedPrinter {\n    public void print() {\n        System.out.println("generated");\n    }\n}\n'
return true
