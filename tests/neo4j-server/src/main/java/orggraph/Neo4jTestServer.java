package orggraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A real Neo4j 5.26 community DBMS for orggraph's tests (tests/neo4j_server.py starts it).
 *
 * <pre>
 *   serve HOME [IMPORT_DIR]   start the DBMS in HOME with Bolt on a free localhost port, no
 *                             authentication; print "bolt://127.0.0.1:PORT" on stdout once it
 *                             answers; stop when stdin closes (the test run ended or died) or on
 *                             SIGTERM.  LOAD CSV reads files under IMPORT_DIR (default HOME/import).
 *   admin HOME ARGS...        neo4j-admin with HOME as NEO4J_HOME (e.g. "database import full neo4j
 *                             --nodes=…"): the same code as the server distribution's neo4j-admin.
 * </pre>
 */
public final class Neo4jTestServer {
    private Neo4jTestServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("serve")) {
            serve(Path.of(args[1]).toAbsolutePath(), args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null);
        } else if (args.length >= 2 && args[0].equals("admin")) {
            Path home = Path.of(args[1]).toAbsolutePath();
            Files.createDirectories(home.resolve("conf"));
            String[] rest = Arrays.copyOfRange(args, 2, args.length);
            System.exit(AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), rest));
        } else {
            System.err.println("usage: Neo4jTestServer serve HOME [IMPORT_DIR] | admin HOME NEO4J-ADMIN-ARGS...");
            System.exit(2);
        }
    }

    private static void serve(Path home, Path importDir) throws IOException, InterruptedException {
        Map<Setting<?>, Object> config = new HashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0)); // any free port
        config.put(GraphDatabaseSettings.auth_enabled, false);
        config.put(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024);
        config.put(GraphDatabaseSettings.load_csv_file_url_root, importDir != null ? importDir : home.resolve("import"));
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).setConfig(config).build();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            dbms.shutdown();
        }));
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() != -1) {
                    // nothing to read: the parent holds stdin open while it wants the server
                }
            } catch (IOException ignored) {
                // a broken stdin means the parent is gone: stop
            }
            stop.countDown();
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stop.await();
        System.exit(0); // runs the shutdown hook, which stops the DBMS cleanly
    }
}
