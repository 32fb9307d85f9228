package com.sequentum.sandbox.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Builds the deterministic seeded account: spaces, agents, 60 days of runs, schedules and credits. */
final class Seeder {
    private static final String[] USERS = {"alice@acme.example", "bob@acme.example", "carol@acme.example"};
    private static final String[] VERSION_COMMENTS = {"Initial version", "Fixed pagination on listing pages",
            "Added price and availability columns", "Switched to residential proxies", "Handle cookie consent dialog",
            "Updated selectors after site redesign", "Reduced request rate to avoid blocking", "Export to CSV and JSON",
            "Added retry on timeouts", "Normalised currency values"};

    private final SandboxState st;
    private final Random rnd;

    Seeder(SandboxState st) {
        this.st = st;
        this.rnd = new Random(st.seed);
    }

    private record Spec(String name, String type, int space, String url, String description, String cols,
                        int records, double fail, double errors, boolean proxy, boolean neverRuns) {}

    private static final List<Spec> CATALOGUE = List.of(
            new Spec("Amazon Best Sellers - Electronics", "Agent", 2, "https://www.amazon.com/Best-Sellers-Electronics/zgbs/electronics",
                    "Top 100 best-selling electronics with price and rating.", "rank,title,price,rating,reviews,url", 100, 0.05, 0.05, true, false),
            new Spec("Walmart Grocery Prices", "Agent", 2, "https://www.walmart.com/browse/food/976759",
                    "Daily grocery shelf prices for the price-index dashboard.", "title,price,unit_price,availability,url", 800, 0.04, 0.06, true, false),
            new Spec("Target Weekly Deals", "Agent", 2, "https://www.target.com/c/top-deals/-/N-4xw74",
                    "Weekly promotional deals and discount percentages.", "title,price,regular_price,discount,url", 250, 0.03, 0.04, false, false),
            new Spec("eBay Sold Listings - Sneakers", "Agent", 2, "https://www.ebay.com/sch/i.html?_nkw=sneakers&LH_Sold=1",
                    "Sold sneaker listings used to estimate resale prices.", "title,price,sold_date,condition,url", 400, 0.05, 0.05, true, false),
            new Spec("Zillow Rentals Seattle", "Agent", 3, "https://www.zillow.com/seattle-wa/rentals/",
                    "Rental listings in Seattle; frequently challenged by bot protection.", "address,city,price,beds,url", 300, 0.35, 0.15, true, false),
            new Spec("Indeed Java Developer Jobs", "Agent", 4, "https://www.indeed.com/jobs?q=java+developer",
                    "Java developer job postings across the US.", "title,company,location,salary,posted_date,url", 500, 0.06, 0.04, true, false),
            new Spec("LinkedIn Company Pages", "Agent", 3, "https://www.linkedin.com/company/",
                    "Company profile facts; login-walled and flaky by nature.", "name,industry,location,followers_count,url", 120, 0.5, 0.1, true, false),
            new Spec("Booking.com Hotels Paris", "Agent", 2, "https://www.booking.com/searchresults.html?ss=Paris",
                    "Hotel prices in Paris for the next 30 nights.", "name,location,price,rating,url", 600, 0.04, 0.05, true, false),
            new Spec("TripAdvisor Restaurant Reviews", "Agent", 4, "https://www.tripadvisor.com/Restaurants-g60763-New_York_City_New_York.html",
                    "Restaurant ratings and review counts in New York.", "name,city,rating,reviews,url", 350, 0.05, 0.05, false, false),
            new Spec("Google Shopping - Coffee Makers", "Agent", 2, "https://shopping.google.com/search?q=coffee+maker",
                    "Coffee maker offers across merchants.", "title,price,merchant,rating,url", 200, 0.04, 0.03, true, false),
            new Spec("Yelp Plumbers Chicago", "Agent", 4, "https://www.yelp.com/search?find_desc=plumbers&find_loc=Chicago",
                    "Local plumbing businesses and their ratings.", "name,location,rating,reviews,url", 150, 0.04, 0.04, false, false),
            new Spec("Craigslist Used Cars Denver", "Agent", 3, "https://denver.craigslist.org/search/cta",
                    "Used car listings in the Denver area.", "title,price,location,posted_date,url", 450, 0.25, 0.1, true, false),
            new Spec("Home Depot Power Tools", "Agent", 2, "https://www.homedepot.com/b/Tools-Power-Tools/N-5yc1vZc298",
                    "Power tool catalogue with prices and ratings.", "title,brand,price,rating,url", 700, 0.03, 0.05, false, false),
            new Spec("Best Buy Laptops", "Agent", 2, "https://www.bestbuy.com/site/laptop-computers/all-laptops/pcmcat138500050001.c",
                    "Laptop prices and availability.", "title,price,availability,rating,url", 300, 0.03, 0.03, false, false),
            new Spec("SEC EDGAR 10-K Filings", "Agent", 4, "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=10-K",
                    "Latest annual reports filed with the SEC.", "company,form,filing_date,url", 90, 0.02, 0.02, false, false),
            new Spec("Reuters Business Headlines", "Agent", 4, "https://www.reuters.com/business/",
                    "Business news headlines every hour.", "title,published_time,category,url", 60, 0.03, 0.02, false, false),
            new Spec("Legacy Supplier Portal", "Agent", 3, "https://portal.legacy-supplier.example/login",
                    "Order status export from a retired supplier portal. Broken since the supplier changed its login.", "order_id,status,date,url", 50, 1.0, 0.0, false, false),
            new Spec("News Sitemap Crawler", "Agent", 4, "https://www.bbc.com/sitemaps/https-index-com-news.xml",
                    "Crawls news sitemaps to discover new articles.", "title,published_date,url", 1200, 0.02, 0.05, false, false),
            new Spec("Etsy Handmade Jewelry", "Agent", 2, "https://www.etsy.com/c/jewelry",
                    "Handmade jewelry listings with shop ratings.", "title,price,shop,rating,url", 400, 0.05, 0.04, true, false),
            new Spec("Books to Scrape Catalogue", "Agent", 1, "https://books.toscrape.com/",
                    "Full book catalogue of the books.toscrape.com practice site. Very reliable.", "title,price,rating,availability,url", 1000, 0.0, 0.0, false, false),
            new Spec("Quotes to Scrape (draft)", "Agent", 1, "https://quotes.toscrape.com/",
                    "Draft agent for the quotes practice site; not run yet.", "title,author,tags", 100, 0.0, 0.0, false, true),
            new Spec("Daily Export to S3", "Command", 1, null,
                    "Copies the previous day's exports to the analytics S3 bucket.", "file,bytes,url", 20, 0.03, 0.0, false, false),
            new Spec("Cleanup Old Files", "Command", 1, null,
                    "Deletes exports older than 90 days.", "file,deleted_date", 40, 0.0, 0.0, false, false),
            new Spec("Send Slack Summary", "Command", 4, null,
                    "Posts a daily run summary to the #data-ops Slack channel.", "channel,message,posted_time", 5, 0.02, 0.0, false, false),
            new Spec("FTP Upload Product Feed", "Command", 2, null,
                    "Uploads the merged product feed to the partner FTP server.", "file,bytes,upload_time", 3, 0.08, 0.0, false, false),
            new Spec("Shopify Products API Sync", "Api", 2, "https://acme-store.myshopify.com/admin/api/2024-01/products.json",
                    "Synchronises the product catalogue through the Shopify Admin API.", "id,title,price,inventory_count,url", 900, 0.03, 0.03, false, false),
            new Spec("OpenWeather Forecast Collector", "Api", 3, "https://api.openweathermap.org/data/2.5/forecast",
                    "Five-day forecasts for 40 cities.", "city,date,temperature_rate,description", 200, 0.02, 0.0, false, false),
            new Spec("GitHub Trending Repos API", "Api", 4, "https://api.github.com/search/repositories?q=stars:>1000",
                    "Trending repositories and star counts.", "name,stars,language,url", 100, 0.03, 0.02, false, false),
            new Spec("Exchange Rates API", "Api", 3, "https://api.exchangerate.host/latest",
                    "Daily currency exchange rates.", "currency,exchange_rate,date", 170, 0.0, 0.0, false, false),
            new Spec("Crypto Prices API", "Api", 3, "https://api.coingecko.com/api/v3/coins/markets?vs_currency=usd",
                    "Top 250 crypto assets by market cap.", "name,price,market_cap_count,url", 250, 0.04, 0.02, false, false),
            new Spec("Shared Login Module", "Shared", 1, null,
                    "Reusable login sequence for password-protected sites.", "title", 0, 0, 0, false, true),
            new Spec("Shared Pagination Library", "Shared", 1, null,
                    "Common next-page and infinite-scroll handling.", "title", 0, 0, 0, false, true),
            new Spec("Shared Proxy Rotation Settings", "Shared", 3, null,
                    "Proxy pool and rotation rules shared by the bot-protected agents.", "title", 0, 0, 0, false, true),
            new Spec("Shared Captcha Handler", "Shared", 3, null,
                    "Captcha detection and solving step.", "title", 0, 0, 0, false, true));

    void seed() {
        Instant now = st.anchor != null ? st.anchor : st.now();
        Instant origin = now.minus(60, ChronoUnit.DAYS);
        seedSpaces(origin.minus(200, ChronoUnit.DAYS));
        List<Agent> created = new ArrayList<>();
        for (Spec s : CATALOGUE) created.add(seedAgent(s, origin));
        seedCredits(origin, now);
        seedRuns(created, origin, now);
        seedSchedules(now);
    }

    private void seedSpaces(Instant created) {
        String[][] defs = {
                {"Default", "Default space visible to every user of the organisation.", "true"},
                {"Retail Price Intelligence", "Product, price and availability monitoring for retail clients.", "false"},
                {"Bot Blocking", "Targets protected by anti-bot systems; expect failures.", "false"},
                {"Test & Demo", "Sandbox space for demos and experiments.", "false"}};
        for (int i = 0; i < defs.length; i++) {
            Space sp = new Space();
            sp.id = i + 1;
            sp.name = defs[i][0];
            sp.description = defs[i][1];
            sp.organizationId = SandboxState.ORGANIZATION_ID;
            sp.created = created.plus(i * 3L, ChronoUnit.DAYS);
            sp.updated = sp.created.plus(20 + i, ChronoUnit.DAYS);
            sp.isDefaultAccess = Boolean.parseBoolean(defs[i][2]);
            st.spaces.put(sp.id, sp);
        }
    }

    private Agent seedAgent(Spec s, Instant origin) {
        Agent a = new Agent();
        a.id = st.nextAgentId++;
        a.name = s.name;
        a.description = s.description;
        a.documentation = "## " + s.name + "\n\n" + s.description + "\n\nOutput columns: " + s.cols.replace(",", ", ")
                + ".\nOwner: " + USERS[a.id % USERS.length] + ".";
        a.icon = iconFor(s.type);
        a.configType = s.type;
        a.spaceId = s.space;
        a.startUrl = s.url;
        a.userId = 200 + a.id % 3;
        a.validationStatus = s.fail >= 1.0 ? "Invalid" : s.fail >= 0.3 ? "Warning" : s.neverRuns ? "Unknown" : "Valid";
        a.proxyPoolId = s.proxy ? 3 : null;
        a.agentTemplates = "Shared".equals(s.type) ? null : "[]";
        if (s.url != null && s.type.equals("Agent")) {
            a.inputParameters.put("url", s.url);
            a.inputParameters.put("maxPages", Integer.toString(5 + rnd.nextInt(50)));
        } else if (s.type.equals("Api")) {
            a.inputParameters.put("apiKey", "{{secrets.api_key}}");
        } else if (s.type.equals("Command")) {
            a.inputParameters.put("targetPath", "/exports/" + slug(s.name));
        }
        a.configure(s.fail, s.errors, s.records, s.proxy, List.of(s.cols.split(",")));
        a.created = origin.minus(30 + rnd.nextInt(300), ChronoUnit.DAYS).plusSeconds(rnd.nextInt(86400));
        int nVersions = 1 + rnd.nextInt(5);
        Instant t = a.created;
        long span = origin.plus(55, ChronoUnit.DAYS).getEpochSecond() - a.created.getEpochSecond();
        for (int v = 1; v <= nVersions; v++) {
            AgentVersion ver = new AgentVersion();
            ver.version = v;
            ver.userName = USERS[(a.id + v) % USERS.length];
            ver.created = t;
            ver.comments = v == 1 ? VERSION_COMMENTS[0] : VERSION_COMMENTS[1 + rnd.nextInt(VERSION_COMMENTS.length - 1)];
            ver.fileSize = 8_000 + rnd.nextInt(120_000);
            a.versions.add(ver);
            t = t.plusSeconds(span / (nVersions + 1) + rnd.nextInt(3600));
        }
        a.version = nVersions;
        a.updated = a.versions.get(nVersions - 1).created;
        a.lastActivity = a.updated;
        st.agents.put(a.id, a);
        return a;
    }

    private static String iconFor(String type) {
        return switch (type) {
            case "Command" -> "terminal";
            case "Api" -> "api";
            case "Shared" -> "share";
            default -> "globe";
        };
    }

    private void seedCredits(Instant origin, Instant now) {
        st.addTransaction(CreditTransaction.of("Purchase", 500_000, origin.minus(1, ChronoUnit.DAYS),
                origin.plus(365, ChronoUnit.DAYS), "Annual plan credits"));
        st.addTransaction(CreditTransaction.of("Bonus", 25_000, origin.plus(15, ChronoUnit.DAYS),
                origin.plus(105, ChronoUnit.DAYS), "Promotional bonus credits"));
        st.addTransaction(CreditTransaction.of("Purchase", 250_000, origin.plus(30, ChronoUnit.DAYS),
                origin.plus(395, ChronoUnit.DAYS), "Credit top-up"));
    }

    private void seedRuns(List<Agent> list, Instant origin, Instant now) {
        // Specific statuses so every run status string appears in the history.
        Map<String, String> lastStatus = new LinkedHashMap<>();
        lastStatus.put("News Sitemap Crawler", RunStatus.RUNNING);
        lastStatus.put("Reuters Business Headlines", RunStatus.QUEUED);
        lastStatus.put("Send Slack Summary", RunStatus.QUEUING);
        lastStatus.put("Etsy Handmade Jewelry", RunStatus.STARTING);
        lastStatus.put("Indeed Java Developer Jobs", RunStatus.STOPPING);
        lastStatus.put("Craigslist Used Cars Denver", RunStatus.WAITING_ON_FAILURE);

        List<Run> all = new ArrayList<>();
        for (Agent a : list) {
            Spec spec = CATALOGUE.stream().filter(s -> s.name.equals(a.name)).findFirst().orElseThrow();
            if (spec.neverRuns) continue;
            int every = "Command".equals(a.configType) ? 3 : 2 + rnd.nextInt(4); // days between runs
            Instant t = origin.plus(rnd.nextInt(48), ChronoUnit.HOURS);
            while (t.isBefore(now.minus(3, ChronoUnit.HOURS))) {
                all.add(historicalRun(a, t, now));
                t = t.plus(every * 24L, ChronoUnit.HOURS).plusSeconds(rnd.nextInt(7200) - 3600);
            }
        }
        all.sort((x, y) -> x.startTime.compareTo(y.startTime));
        // special terminal statuses on a few historical runs
        int special = 0;
        for (Run r : all) {
            Agent a = st.agents.get(r.configId);
            if (a.failRate == 0 && a.errorRate == 0) continue;
            if (special == 3) {
                terminal(r, RunStatus.STOPPED, null);
            } else if (special == 7) {
                terminal(r, RunStatus.FAILED_TO_START, "Failed to start: no server available in the assigned server group.");
            } else if (special == 11) {
                terminal(r, RunStatus.UNKNOWN, null);
            }
            special++;
        }
        for (Run r : all) {
            r.id = st.nextRunId++;
            st.runs.put(r.id, r);
        }
        for (Run r : all) {
            if (!RunStatus.isActive(r.status) && !RunStatus.UNKNOWN.equals(r.status)) finalizeStatic(r);
        }
        // active runs "in flight" at start-up (static; they only move when stopped or killed)
        for (Map.Entry<String, String> e : lastStatus.entrySet()) {
            Agent a = list.stream().filter(x -> x.name.equals(e.getKey())).findFirst().orElseThrow();
            Run r = new Run();
            r.id = st.nextRunId++;
            r.configId = a.id;
            r.organizationId = SandboxState.ORGANIZATION_ID;
            r.status = e.getValue();
            r.startTime = now.minus(5 + rnd.nextInt(40), ChronoUnit.MINUTES);
            r.startedBy = "Scheduler";
            r.recordsExtracted = RunStatus.RUNNING.equals(r.status) || RunStatus.STOPPING.equals(r.status)
                    ? rnd.nextInt(a.typicalRecords) : 0;
            r.recordsExported = 0;
            r.plannedRecords = a.typicalRecords;
            if (RunStatus.WAITING_ON_FAILURE.equals(r.status)) r.errorMessage = errorFor(a, rnd);
            st.runs.put(r.id, r);
        }
        for (Agent a : list) st.refreshAgentStatus(a);
    }

    private Run historicalRun(Agent a, Instant start, Instant now) {
        Run r = new Run();
        r.configId = a.id;
        r.organizationId = SandboxState.ORGANIZATION_ID;
        r.startTime = start;
        r.startedBy = rnd.nextInt(4) == 0 ? USERS[rnd.nextInt(USERS.length)] : "Scheduler";
        r.parallelism = rnd.nextInt(6) == 0 ? 2 + rnd.nextInt(3) : 1;
        r.parallelSet = r.parallelism > 1 ? "Combined" : null;
        long seconds = "Command".equals(a.configType) ? 20 + rnd.nextInt(200)
                : 120 + (long) a.typicalRecords * (1 + rnd.nextInt(4)) + rnd.nextInt(600);
        r.simSeconds = seconds;
        r.endTime = start.plusSeconds(seconds);
        r.plannedRecords = Math.max(1, a.typicalRecords * (80 + rnd.nextInt(40)) / 100);
        double roll = rnd.nextDouble();
        if (roll < a.failRate) {
            r.status = RunStatus.FAILED;
            r.errorMessage = errorFor(a, rnd);
        } else if (roll < a.failRate + a.errorRate) {
            r.status = RunStatus.COMPLETED_WITH_ERRORS;
            r.errorMessage = "Completed with " + (1 + rnd.nextInt(12)) + " page errors: " + errorFor(a, rnd);
        } else {
            r.status = RunStatus.COMPLETED;
        }
        return r;
    }

    private void terminal(Run r, String status, String error) {
        r.status = status;
        r.errorMessage = error;
    }

    private void finalizeStatic(Run r) {
        st.finish(r, r.status, r.endTime, r.errorMessage);
    }

    static String errorFor(Agent a, Random rnd) {
        if (a.failRate >= 1.0) {
            return rnd.nextBoolean() ? "Login failed: the portal rejected the credentials supplied in input parameter 'username'."
                    : "DNS resolution failed for host portal.legacy-supplier.example";
        }
        String host = a.startUrl == null ? "the target site" : a.startUrl.replaceAll("https?://([^/]+).*", "$1");
        String[] pool = {
                "Timeout: the page did not finish loading within 60 seconds (" + host + ")",
                "HTTP 403 Forbidden: request blocked by bot protection on " + host,
                "Selector not found: div.result-card (the page layout may have changed)",
                "Proxy connection failed: 407 Proxy Authentication Required",
                "HTTP 429 Too Many Requests returned by " + host,
                "Captcha challenge detected on " + host + " and could not be solved"};
        int limit = a.usesProxy ? pool.length : 3;
        return pool[rnd.nextInt(limit)];
    }

    static void fillStats(Run r, Agent a, Random rnd) {
        int rec = r.recordsExtracted == null ? 0 : r.recordsExtracted;
        r.inputCount = "Command".equals(a.configType) ? 1 : 1 + rnd.nextInt(25);
        r.pageCount = Math.max(1, rec / 20 + r.inputCount + rnd.nextInt(10));
        r.errorCount = switch (r.status) {
            case RunStatus.FAILED, RunStatus.FAILED_TO_START -> 1 + rnd.nextInt(5);
            case RunStatus.COMPLETED_WITH_ERRORS -> 1 + rnd.nextInt(12);
            default -> 0;
        };
        r.traffic = (long) r.pageCount * (40_000 + rnd.nextInt(400_000));
    }

    /** Costs in hundredths of a credit per usage type. */
    static void computeCosts(Run r, Agent a) {
        r.costCents.clear();
        long seconds = Math.max(1, r.simSeconds);
        r.costCents.put(UsageType.SERVER_TIME, Math.max(1, (seconds * 100 * Math.max(1, r.parallelism) + 3599) / 3600));
        int exported = r.recordsExported == null ? 0 : r.recordsExported;
        if (exported > 0) {
            long bytes = exported * 220L;
            r.costCents.put(UsageType.EXPORT_GB, Math.max(1, bytes * 5000 / 1_000_000_000L));
            r.costCents.put(UsageType.EXPORT_CPM, Math.max(1, exported / 10L));
        }
        if (r.inputCount > 0 && !"Command".equals(a.configType)) r.costCents.put(UsageType.AGENT_INPUTS, (long) r.inputCount);
        if (a.usesProxy && r.traffic > 0) r.costCents.put(UsageType.PROXY_DATA, Math.max(1, r.traffic * 1000 / 1_000_000_000L));
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "agent" : s;
    }

    private void seedSchedules(Instant now) {
        Instant created = now.minus(50, ChronoUnit.DAYS);
        addSchedule("Walmart Grocery Prices", "Nightly price sweep", 3, "0 2 * * *", null, null, null, "America/New_York", true, created);
        addSchedule("Indeed Java Developer Jobs", "Weekday morning refresh", 3, "30 7 * * 1-5", null, null, null, "Europe/London", true, created);
        addSchedule("Zillow Rentals Seattle", "Weekly rentals snapshot", 3, "0 6 * * 1", null, null, null, "America/Los_Angeles", false, created);
        addSchedule("Reuters Business Headlines", "Hourly headlines", 2, null, created, 1, 2, "UTC", true, created);
        addSchedule("Crypto Prices API", "Every 15 minutes", 2, null, created.plusSeconds(420), 15, 1, "Asia/Tokyo", true, created);
        addSchedule("Books to Scrape Catalogue", "Monthly catalogue refresh", 2, null, created.plus(3, ChronoUnit.HOURS), 1, 5, "Australia/Sydney", true, created);
        addSchedule("SEC EDGAR 10-K Filings", "Quarter-end filings check", 1, null,
                now.plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), null, null, "America/Chicago", true, created);
        addSchedule("Target Weekly Deals", "Black Friday one-off", 1, null,
                now.minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), null, null, "Europe/Berlin", true, created);
        for (Schedule s : st.schedules.values()) ScheduleCalc.refresh(s, now);
    }

    private void addSchedule(String agent, String name, int type, String cron, Instant start, Integer count, Integer period,
                             String tz, boolean enabled, Instant created) {
        Agent a = st.agents.values().stream().filter(x -> x.name.equals(agent)).findFirst().orElseThrow();
        Schedule s = new Schedule();
        s.id = st.nextScheduleId++;
        s.configId = a.id;
        s.name = name;
        s.scheduleType = type;
        s.cronExpression = cron;
        s.startTime = start;
        s.runEveryCount = count;
        s.runEveryPeriod = period;
        s.timezone = tz;
        s.isEnabled = enabled;
        s.created = created;
        s.updated = created.plus(rnd.nextInt(10), ChronoUnit.DAYS);
        st.schedules.put(s.id, s);
    }

    /** Creates the agent produced by a completed Agent Builder session. */
    Agent builderAgent(String url, String prompt, int spaceId, Instant when) {
        Agent a = new Agent();
        a.id = st.nextAgentId++;
        String host = url.replaceAll("https?://(www\\.)?([^/:?#]+).*", "$2");
        a.name = host + " Scraper (AI built)";
        String p = prompt.trim();
        a.description = p.length() > 200 ? p.substring(0, 197) + "..." : p;
        a.documentation = "## " + a.name + "\n\nCreated by the Agent Builder from this request:\n\n> " + p;
        a.icon = "globe";
        a.configType = "Agent";
        a.spaceId = spaceId;
        a.startUrl = url;
        a.userId = 200;
        a.validationStatus = "Valid";
        a.agentTemplates = "[]";
        a.inputParameters.put("url", url);
        a.configure(0.0, 0.0, 50, false, List.of("title", "price", "url"));
        AgentVersion v = new AgentVersion();
        v.version = 1;
        v.userName = "agent-builder";
        v.created = when;
        v.comments = "Created by Agent Builder";
        v.fileSize = 12_000 + p.length();
        a.versions.add(v);
        a.version = 1;
        a.created = when;
        a.updated = when;
        a.lastActivity = when;
        st.agents.put(a.id, a);
        return a;
    }
}
