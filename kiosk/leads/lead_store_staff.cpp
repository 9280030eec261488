// The lead store for staff mode: the list with search and filters, one lead's rating and notes,
// erasure and retention, the export log and the dashboard's counts. SQL only with bound values.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/store_columns.h"
#include "kiosk/leads/uuid.h"

namespace etalase::leads {

namespace {

// `text` as a LIKE pattern matching it anywhere, its own % and _ taken literally.
std::string containsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

// A LeadListQuery as a WHERE clause over `leads` with numbered parameters, and their values.
struct ListWhere {
  std::string sql = "1";
  std::vector<std::string> values;

  void add(const std::string& condition, std::string value) {
    values.push_back(std::move(value));
    sql += " AND " + fmt::format(fmt::runtime(condition), values.size());
  }
  void bind(Statement& statement) const {
    for (std::size_t i = 0; i < values.size(); ++i) statement.bind(static_cast<int>(i + 1), values[i]);
  }
};

ListWhere listWhere(const LeadListQuery& query) {
  ListWhere where;
  if (!query.search.empty()) {
    where.add("(name LIKE ?{0} ESCAPE '\\' OR company LIKE ?{0} ESCAPE '\\' OR email LIKE ?{0} ESCAPE '\\' "
              "OR phone LIKE ?{0} ESCAPE '\\' OR staff_notes LIKE ?{0} ESCAPE '\\')",
              containsPattern(query.search));
  }
  if (!query.fromUtc.empty()) where.add("created_utc >= ?{}", query.fromUtc);
  if (!query.beforeUtc.empty()) where.add("created_utc < ?{}", query.beforeUtc);
  if (!query.productId.empty()) {
    where.add("EXISTS (SELECT 1 FROM lead_products WHERE lead_id = id AND product_id = ?{})", query.productId);
  }
  if (query.rating) where.add("rating = ?{}", *query.rating);
  if (query.followUpOnly) where.add("follow_up = ?{}", kFollowUpYes);
  return where;
}

bool knownRating(const std::string& rating) {
  return rating.empty() || rating == kRatingHot || rating == kRatingWarm || rating == kRatingCold;
}

}  // namespace

Result<std::vector<Lead>> LeadStore::list(const LeadListQuery& query) const {
  const ListWhere where = listWhere(query);
  const std::string leadsSql =
      fmt::format("(SELECT * FROM leads WHERE {} ORDER BY created_utc DESC, id DESC LIMIT {})", where.sql,
                  std::min<std::size_t>(query.limit, 100000));
  auto statement = Statement::prepare(m_db.get(), m_name, leadsWithProductsSql(leadsSql, "created_utc DESC, id DESC"));
  if (!statement) return statement.error();
  where.bind(statement.value());
  std::vector<Lead> leads;
  auto error = readLeads(statement.value(), [&](const Lead& lead) {
    leads.push_back(lead);
    return true;
  });
  if (error) return *error;
  return leads;
}

Result<std::int64_t> LeadStore::countMatching(const LeadListQuery& query) const {
  const ListWhere where = listWhere(query);
  auto statement = Statement::prepare(m_db.get(), m_name, "SELECT count(*) FROM leads WHERE " + where.sql);
  if (!statement) return statement.error();
  where.bind(statement.value());
  auto row = statement.value().step("counting leads");
  if (!row) return row.error();
  return statement.value().integer(0);
}

Result<std::optional<Lead>> LeadStore::find(const std::string& uuid) const {
  auto statement =
      Statement::prepare(m_db.get(), m_name, leadsWithProductsSql("(SELECT * FROM leads WHERE uuid = ?1)", "id"));
  if (!statement) return statement.error();
  statement.value().bind(1, uuid);
  std::optional<Lead> found;
  auto error = readLeads(statement.value(), [&](const Lead& lead) {
    found = lead;
    return false;
  });
  if (error) return *error;
  return found;
}

std::optional<Error> LeadStore::annotate(const std::string& uuid, const std::string& rating, const std::string& notes,
                                         bool followUp) {
  if (!knownRating(rating)) return Error{m_name, "rating a lead: the rating must be hot, warm, cold or none"};
  auto statement = Statement::prepare(m_db.get(), m_name,
                                      "UPDATE leads SET rating = ?2, staff_notes = ?3, follow_up = ?4 WHERE uuid = ?1");
  if (!statement) return statement.error();
  statement.value().bind(1, uuid).bind(2, rating).bind(3, notes).bind(4, followUp ? kFollowUpYes : "");
  if (auto error = statement.value().run("saving staff's rating and notes")) return error;
  if (sqlite3_changes(m_db.get()) == 0) return Error{m_name, "saving staff's rating and notes: the lead was erased meanwhile"};
  return std::nullopt;
}

Result<std::int64_t> LeadStore::deleteWhere(const char* where, std::string_view value, std::string_view what) {
  sqlite3* db = m_db.get();
  auto transaction = Transaction::begin(db, m_name);
  if (!transaction) return transaction.error();
  auto statement = Statement::prepare(db, m_name, fmt::format("DELETE FROM leads WHERE {}", where));
  if (!statement) return statement.error();
  if (auto error = statement.value().bind(1, value).run(what)) return *error;
  const std::int64_t deleted = sqlite3_changes(db);
  if (auto error = transaction.value().commit()) return *error;
  // secure_delete zeroed the content in the pages the WAL now holds; the checkpoint writes them
  // over the old ones in the database file and empties the WAL.
  checkpoint();
  return deleted;
}

std::optional<Error> LeadStore::erase(const std::string& uuid) {
  auto deleted = deleteWhere("uuid = ?1", uuid, "erasing a lead");
  if (!deleted) return deleted.error();
  if (deleted.value() == 0) return Error{m_name, "erasing a lead: it was not stored (erased already?)"};
  ExportLogEntry entry;
  entry.kind = "erasure";
  entry.leads = 1;
  entry.outcome = "one lead erased at the person's request";
  return addLogEntry(std::move(entry));
}

Result<std::int64_t> LeadStore::eraseAll() {
  auto deleted = deleteWhere("created_utc >= ?1", "", "erasing every lead");
  if (!deleted) return deleted.error();
  ExportLogEntry entry;
  entry.kind = "erase-all";
  entry.leads = deleted.value();
  entry.outcome = "every lead erased by staff";
  if (auto error = addLogEntry(std::move(entry))) return *error;
  return deleted.value();
}

Result<std::int64_t> LeadStore::deleteCreatedBefore(const std::string& cutoffUtc,
                                                    std::chrono::system_clock::time_point now) {
  auto deleted = deleteWhere("created_utc < ?1", cutoffUtc, "deleting leads past the retention period");
  if (!deleted) return deleted.error();
  if (deleted.value() > 0) {
    ExportLogEntry entry;
    entry.atUtc = utcTimestamp(now);
    entry.kind = "retention";
    entry.leads = deleted.value();
    entry.outcome = "leads created before " + cutoffUtc + " deleted (retention period)";
    if (auto error = addLogEntry(std::move(entry))) return *error;
  }
  return deleted.value();
}

std::optional<Error> LeadStore::addLogEntry(ExportLogEntry entry) {
  if (entry.atUtc.empty()) entry.atUtc = utcTimestamp(std::chrono::system_clock::now());
  auto statement = Statement::prepare(
      m_db.get(), m_name,
      "INSERT INTO export_log (at_utc, kind, format, file, leads, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!statement) return statement.error();
  statement.value()
      .bind(1, entry.atUtc)
      .bind(2, entry.kind)
      .bind(3, entry.format)
      .bind(4, entry.file)
      .bind(5, entry.leads)
      .bind(6, entry.outcome);
  return statement.value().run("writing the export log");
}

Result<std::vector<ExportLogEntry>> LeadStore::exportLog(std::size_t limit) const {
  auto statement = Statement::prepare(
      m_db.get(), m_name,
      "SELECT at_utc, kind, format, file, leads, outcome FROM export_log ORDER BY id DESC LIMIT ?1");
  if (!statement) return statement.error();
  Statement& select = statement.value();
  select.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(limit, 100000)));
  std::vector<ExportLogEntry> entries;
  for (;;) {
    auto row = select.step("reading the export log");
    if (!row) return row.error();
    if (!row.value()) return entries;
    entries.push_back({select.text(0), select.text(1), select.text(2), select.text(3), select.integer(4),
                       select.text(5)});
  }
}

Result<LeadStats> LeadStore::leadStats(int utcOffsetMinutes) const {
  LeadStats stats;
  auto totals = Statement::prepare(
      m_db.get(), m_name,
      "SELECT count(*), "
      "coalesce(sum(source NOT LIKE 'scanned%'), 0), coalesce(sum(source LIKE 'scanned%'), 0), "
      "coalesce(sum(rating = ?1), 0), coalesce(sum(rating = ?2), 0), coalesce(sum(rating = ?3), 0), "
      "coalesce(sum(rating = ''), 0), coalesce(sum(follow_up = ?4), 0) FROM leads");
  if (!totals) return totals.error();
  Statement& total = totals.value();
  total.bind(1, kRatingHot).bind(2, kRatingWarm).bind(3, kRatingCold).bind(4, kFollowUpYes);
  auto row = total.step("counting leads for the dashboard");
  if (!row) return row.error();
  stats.total = total.integer(0);
  stats.typed = total.integer(1);
  stats.scanned = total.integer(2);
  stats.hot = total.integer(3);
  stats.warm = total.integer(4);
  stats.cold = total.integer(5);
  stats.unrated = total.integer(6);
  stats.followUp = total.integer(7);

  // created_utc ends in Z, which SQLite's date functions read as UTC.
  auto hours = Statement::prepare(m_db.get(), m_name,
                                  "SELECT strftime('%Y-%m-%dT%H', created_utc, ?1) AS hour, count(*) FROM leads "
                                  "GROUP BY hour ORDER BY hour");
  if (!hours) return hours.error();
  hours.value().bind(1, fmt::format("{:+} minutes", utcOffsetMinutes));
  for (;;) {
    auto next = hours.value().step("counting leads per hour");
    if (!next) return next.error();
    if (!next.value()) break;
    const std::string hour = hours.value().text(0);
    const std::int64_t count = hours.value().integer(1);
    stats.perHour[hour] += count;
    const std::string day = hour.substr(0, 10);
    if (stats.perDay.empty() || stats.perDay.back().first != day) stats.perDay.emplace_back(day, 0);
    stats.perDay.back().second += count;
  }

  auto products = Statement::prepare(m_db.get(), m_name,
                                     "SELECT product_id, count(DISTINCT lead_id) AS leads FROM lead_products "
                                     "GROUP BY product_id ORDER BY leads DESC, product_id");
  if (!products) return products.error();
  for (;;) {
    auto next = products.value().step("counting leads per product");
    if (!next) return next.error();
    if (!next.value()) break;
    stats.perProduct.emplace_back(products.value().text(0), products.value().integer(1));
  }
  return stats;
}

}  // namespace etalase::leads
