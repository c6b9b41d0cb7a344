package dev.ltx2.orchestrator.ui;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Files2;
import dev.ltx2.orchestrator.core.Progress;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.TimedStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes the patched fork's web UI ready to start: dependencies installed from the npm
 * registry (once per lockfile, kept in the cache so later runs need no network), the app
 * built (once per fork), the database schema pushed and its default folders set.
 * Every step is idempotent and cheap when already done.
 */
public final class UiPreparer {
    static final String INSTALLED_STAMP = ".ltx2-installed";
    static final String BUILT_STAMP = ".ltx2-built";
    static final String SCHEMA_STAMP = ".ltx2-schema";

    private final UiPaths paths;
    private final NodeTools node;
    private final Progress progress;

    public UiPreparer(UiPaths paths, java.util.Map<String, String> env, Progress progress) {
        this.paths = paths;
        this.node = new NodeTools(env);
        this.progress = progress;
    }

    public Result<UiPaths> prepare() {
        return node.check()
                .then(v -> lockKey())
                .then(this::install)
                .then(this::build)
                .then(v -> database())
                .map(v -> paths);
    }

    /** The digest of package.json and package-lock.json names the dependency folder. */
    Result<String> lockKey() {
        Path app = paths.app();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(app.resolve("package.json")));
            sha.update(Files.readAllBytes(app.resolve("package-lock.json")));
            return Result.ok(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        } catch (IOException e) {
            return Result.err(Failure.environment("the fork has no web UI to build (" + app + "): " + e.getMessage(),
                    "run: orchestrator fork apply"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** npm ci into {@code <cache>/ui/deps/<key>}, linked as the app's node_modules. */
    Result<String> install(String key) {
        Path deps = paths.deps(key);
        Path modules = deps.resolve("node_modules");
        if (!Files.isRegularFile(modules.resolve(INSTALLED_STAMP))) {
            try {
                Files2.deleteRecursively(deps);
                Files.createDirectories(deps);
                Files.copy(paths.app().resolve("package.json"), deps.resolve("package.json"));
                Files.copy(paths.app().resolve("package-lock.json"), deps.resolve("package-lock.json"));
            } catch (IOException e) {
                return Result.err(Failure.environment("cannot prepare " + deps + ": " + e.getMessage(), null));
            }
            Path log = paths.logs().resolve("npm-ci-" + key + ".log");
            Result<Void> ci;
            try (TimedStep step = TimedStep.start(progress, "installing the web UI's npm dependencies", "into " + deps
                    + "; first time: a few minutes, sqlite drivers compile from source; log: " + log)) {
                ci = node.run("npm ci", deps, List.of("npm", "ci", "--no-audit", "--no-fund",
                        "--prefer-offline", "--cache", paths.npmCache().toString()), log);
            }
            if (ci instanceof Result.Err<Void> err) {
                return Result.err(err.failure());
            }
            try {
                Files.writeString(modules.resolve(INSTALLED_STAMP), key + "\n");
                pruneOtherDeps(deps);
            } catch (IOException e) {
                return Result.err(Failure.environment("cannot write " + modules + ": " + e.getMessage(), null));
            }
        }
        return link(paths.app().resolve("node_modules"), modules).map(v -> key);
    }

    /** Each install is about 900 MB: keep only the one for the current lockfile. */
    static void pruneOtherDeps(Path keep) throws IOException {
        try (var siblings = Files.list(keep.getParent())) {
            for (Path other : siblings.filter(p -> !p.equals(keep)).toList()) {
                Files2.deleteRecursively(other);
            }
        }
    }

    /** Builds the worker and the Next.js app unless this fork was already built with these deps. */
    Result<Void> build(String key) {
        Path app = paths.app();
        Path log = paths.logs().resolve("build.log");
        // the Prisma client is generated into the shared node_modules, so regenerate every time
        Result<Void> generated = node.run("prisma generate", app, List.of(bin("prisma"), "generate"), log);
        if (generated instanceof Result.Err<Void>) {
            return generated;
        }
        if (isBuilt(app, key)) {
            return Result.ok(null);
        }
        Result<Void> built;
        try (TimedStep step = TimedStep.start(progress, "building the web UI", "next build, 1-3 min; log: " + log)) {
            built = node.run("the web UI build", app, List.of("npm", "run", "build"), log);
        }
        if (built instanceof Result.Ok<Void>) {
            try {
                Files.writeString(app.resolve(BUILT_STAMP), key + "\n");
            } catch (IOException e) {
                return Result.err(Failure.environment("cannot write " + app.resolve(BUILT_STAMP) + ": " + e.getMessage(), null));
            }
        }
        return built;
    }

    static boolean isBuilt(Path app, String key) {
        try {
            return Files.isRegularFile(app.resolve(".next/BUILD_ID"))
                    && Files.isRegularFile(app.resolve("dist/cron/worker.js"))
                    && Files.readString(app.resolve(BUILT_STAMP)).strip().equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The database lives in the cache, linked where the UI and the trainer look for it, and
     * the folders the UI defaults to inside the fork (which a new patch series replaces)
     * default to the cache instead; a folder set on the Settings page is left alone.
     */
    Result<Void> database() {
        try {
            Files.createDirectories(paths.state());
            for (String dir : List.of("output", "datasets", "models")) {
                Files.createDirectories(paths.state().resolve(dir));
            }
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot create " + paths.state() + ": " + e.getMessage(), null));
        }
        Result<Void> adopted = adoptExistingDatabase();
        if (adopted instanceof Result.Err<Void>) {
            return adopted;
        }
        Result<Void> linked = link(paths.databaseLink(), paths.database());
        if (linked instanceof Result.Err<Void>) {
            return linked;
        }
        Path log = paths.logs().resolve("db.log");
        Result<Void> pushed = pushSchema(log);
        if (pushed instanceof Result.Err<Void>) {
            return pushed;
        }
        Path state = paths.state();
        return node.run("setting the default folders", paths.app(), List.of("node", "-e", SEED_SETTINGS,
                paths.database().toString(),
                "TRAINING_FOLDER", state.resolve("output").toString(),
                "DATASETS_FOLDER", state.resolve("datasets").toString(),
                "MODELS_PATH", state.resolve("models").toString()), log);
    }

    /**
     * {@code prisma db push}, only when the schema differs from the one last pushed: the CLI
     * finishes in a second but then idles on a 60 s timer before it exits (docs/ui.md).
     */
    Result<Void> pushSchema(Path log) {
        Path stamp = paths.state().resolve(SCHEMA_STAMP);
        String schema;
        try {
            schema = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(paths.app().resolve("prisma/schema.prisma"))));
            if (Files.exists(paths.database()) && Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(schema)) {
                return Result.ok(null);
            }
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot read the UI's Prisma schema: " + e.getMessage(), "run: orchestrator fork apply"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Result<Void> pushed;
        try (TimedStep step = TimedStep.start(progress, "creating or updating the UI database",
                "prisma db push, about a minute: it idles on a 60 s timer before it exits")) {
            pushed = node.run("prisma db push", paths.app(), List.of(bin("prisma"), "db", "push", "--skip-generate"), log);
        }
        if (pushed instanceof Result.Ok<Void>) {
            try {
                Files.writeString(stamp, schema + "\n");
            } catch (IOException e) {
                return Result.err(Failure.environment("cannot write " + stamp + ": " + e.getMessage(), null));
            }
        }
        return pushed;
    }

    /** A database the UI made in the fork before (run without this command) moves to the cache. */
    Result<Void> adoptExistingDatabase() {
        Path inFork = paths.databaseLink();
        if (!Files.isRegularFile(inFork, LinkOption.NOFOLLOW_LINKS)) {
            return Result.ok(null);
        }
        if (Files.exists(paths.database())) {
            return Result.err(Failure.user("two UI databases: " + inFork + " and " + paths.database(),
                    "keep one: move the one you want to " + paths.database() + " and delete the other"));
        }
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path from = inFork.resolveSibling(inFork.getFileName() + suffix);
                if (Files.exists(from)) {
                    Files.move(from, paths.database().resolveSibling(paths.database().getFileName() + suffix));
                }
            }
            return Result.ok(null);
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot move " + inFork + " to " + paths.database() + ": " + e.getMessage(), null));
        }
    }

    /** Inserts each KEY VALUE pair into Settings unless the key is already there. */
    static final String SEED_SETTINGS = "const Database = require('better-sqlite3');"
            + "const db = new Database(process.argv[1]);"
            + "const add = db.prepare('INSERT OR IGNORE INTO Settings (key, value) VALUES (?, ?)');"
            + "for (let i = 2; i < process.argv.length; i += 2) add.run(process.argv[i], process.argv[i + 1]);"
            + "db.close();";

    private String bin(String tool) {
        return paths.app().resolve("node_modules/.bin").resolve(tool).toString();
    }

    /** Points {@code link} at {@code target}, replacing whatever was there. */
    static Result<Void> link(Path link, Path target) {
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                return Result.ok(null);
            }
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files2.deleteRecursively(link);
                } else {
                    Files.delete(link);
                }
            }
            Files.createSymbolicLink(link, target);
            return Result.ok(null);
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot link " + link + " to " + target + ": " + e.getMessage(), null));
        }
    }
}
