// Runs SPARQL queries with Apache Jena ARQ on one RDF file, loaded once:
//   java -cp JENA_CLASSPATH RunQueries.java DATA.nt Q1.rq Q2.rq ...
// writes each result as SPARQL JSON to Qn.rq.json (SELECT and ASK).
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;

public class RunQueries {
    public static void main(String[] args) throws Exception {
        Model model = RDFDataMgr.loadModel(args[0]);
        for (int i = 1; i < args.length; i++) {
            Query query = QueryFactory.create(Files.readString(Path.of(args[i])));
            try (QueryExecution run = QueryExecutionFactory.create(query, model);
                 OutputStream out = new FileOutputStream(args[i] + ".json")) {
                if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(out, run.execAsk());
                } else {
                    ResultSetFormatter.outputAsJSON(out, run.execSelect());
                }
            }
        }
    }
}
