#include "kiosk/leads/lead_store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "kiosk/leads/schema.h"
#include "kiosk/leads/store_columns.h"
#include "kiosk/leads/store_files.h"
#include "kiosk/leads/uuid.h"

namespace etalase::leads {

namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, std::size(kEventKinds)> kEventKindNames = {
    "product-view", "video-play", "form-opened", "form-submitted", "scan-keyboard", "scan-camera"};

// Durability: WAL with synchronous=FULL. Every commit appends the lead to the WAL and fsyncs it
// before COMMIT returns, so a lead is durable once add() returned (synchronous=NORMAL would only
// keep the file consistent, and could lose the last commits on a power cut). A commit cut short
// leaves WAL frames without a commit mark, which SQLite ignores on the next open. WAL rather than
// a rollback journal: one fsync per lead instead of several plus a journal file created and
// deleted each time, and readers (the staff screen, `etalase-leads check`) do not block the
// kiosk. The WAL must not grow on a small disk: it is checkpointed every 256 pages (1 MiB) and
// cut back to 1 MiB afterwards, and truncated after every commit once the disk runs low.
constexpr const char* kPragmas =
    "PRAGMA synchronous = FULL;"
    "PRAGMA journal_size_limit = 1048576;"
    "PRAGMA wal_autocheckpoint = 256;"
    "PRAGMA foreign_keys = ON;"
    // A deleted lead (erasure, retention) is overwritten in the file, not left in free pages.
    "PRAGMA secure_delete = ON;";

std::string insertLeadSql() {
  std::string placeholders;
  for (int i = 1; i <= kTextFieldCount + 1; ++i) {
    placeholders += fmt::format("{}?{}", i > 1 ? ", " : "", i);
  }
  return fmt::format("INSERT INTO leads ({}) VALUES ({}) ON CONFLICT (uuid) DO NOTHING",
                     columnList(), placeholders);
}

// The leads a LeadFilter takes. Every created_utc is >= '' and every id <= INT64_MAX: one
// statement serves every filter and can use leads_by_created.
const char* const kFilterWhere =
    "created_utc >= ?1 AND id <= ?2 AND (?3 = 0 OR exported_utc = '')";

void bindFilter(Statement& statement, const LeadFilter& filter) {
  statement.bind(1, filter.sinceUtc)
      .bind(2, filter.maxRowId.value_or(INT64_MAX))
      .bind(3, std::int64_t{filter.notYetExported ? 1 : 0});
}

std::string mebibytes(std::uint64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// Creates the file with mode 0600 (it will hold personal data); SQLite gives its -wal and -shm
// files the same mode. An empty file is a valid, empty database.
std::optional<Error> createPrivateFile(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error{file.string(),
                 fmt::format("creating the lead database: {}", std::strerror(errno))};
  }
  ::close(fd);
  return std::nullopt;
}

}  // namespace

const char* eventKindName(EventKind kind) {
  return kEventKindNames[static_cast<std::size_t>(kind)];
}

std::optional<EventKind> eventKindFromName(std::string_view name) {
  for (EventKind kind : kEventKinds) {
    if (name == eventKindName(kind)) return kind;
  }
  return std::nullopt;
}

Result<LeadStore> LeadStore::open(const fs::path& file, StoreOptions options) {
  const std::string name = file.string();
  std::error_code ec;
  const bool existed = fs::exists(file, ec);
  if (!existed && !options.create) return Error{name, "no such file"};
  if (!existed) {
    if (auto error = createPrivateFile(file)) return *error;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  SqlitePtr db(raw);
  if (rc != SQLITE_OK) return sqliteError(db.get(), name, "opening the lead database");
  if (sqlite3_db_readonly(db.get(), "main") == 1) {
    return Error{name, "the lead database is read-only (read-only file system or file)"};
  }
  LeadStore store(file, options, std::move(db));
  if (auto error = store.configure()) return *error;
  if (auto error = migrate(store.m_db.get(), name)) return *error;
  if (auto error = store.prepareWrites()) return *error;
  if (!existed) {
    if (auto error = syncFolder(file.has_parent_path() ? file.parent_path() : fs::path("."))) {
      return *error;
    }
  }
  return store;
}

LeadStore::LeadStore(fs::path file, StoreOptions options, SqlitePtr db)
    : m_file(std::move(file)), m_name(m_file.string()), m_options(options), m_db(std::move(db)) {}

LeadStore::~LeadStore() = default;

std::optional<Error> LeadStore::configure() {
  sqlite3* db = m_db.get();
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);  // another process (etalase-leads check) may hold a lock briefly
  auto mode =
      Statement::prepare(db, m_name, "PRAGMA journal_mode = WAL", "reading the lead database");
  if (!mode) return mode.error();
  auto row = mode.value().step("switching to write-ahead logging");
  if (!row) return row.error();
  if (!row.value() || mode.value().text(0) != "wal") {
    return Error{m_name, "switching to write-ahead logging: the file system does not allow it"};
  }
  return execute(db, m_name, kPragmas, "setting durability options");
}

std::optional<Error> LeadStore::prepareWrites() {
  sqlite3* db = m_db.get();
  auto lead = Statement::prepare(db, m_name, insertLeadSql());
  if (!lead) return lead.error();
  auto product = Statement::prepare(
      db, m_name, "INSERT INTO lead_products (lead_id, position, product_id) VALUES (?1, ?2, ?3)");
  if (!product) return product.error();
  auto event = Statement::prepare(db, m_name,
                                  "INSERT INTO counters (kind, product_id, hour_utc, count) "
                                  "VALUES (?1, ?2, ?3, 1) ON CONFLICT (kind, product_id, hour_utc) "
                                  "DO UPDATE SET count = count + 1");
  if (!event) return event.error();
  m_insertLead.emplace(std::move(lead.value()));
  m_insertProduct.emplace(std::move(product.value()));
  m_countEvent.emplace(std::move(event.value()));
  return std::nullopt;
}

std::optional<Error> LeadStore::add(const Lead& lead) {
  if (lead.uuid.empty() || lead.createdUtc.empty()) {
    return Error{m_name, "storing a lead: it has no uuid or creation time"};
  }
  checkDisk();
  auto error = insert(lead);
  if (error && m_lastFailure == SQLITE_FULL) {
    // The WAL may hold space that a checkpoint gives back: one more try after it.
    checkpoint();
    error = insert(lead);
  }
  if (!error && m_checkpointAfterCommit) checkpoint();
  return error;
}

// Sets m_lastFailure to the primary result code of a failure, taken before the Transaction's
// ROLLBACK replaces it.
std::optional<Error> LeadStore::insert(const Lead& lead) {
  sqlite3* db = m_db.get();
  m_lastFailure = SQLITE_OK;
  auto transaction = Transaction::begin(db, m_name);
  if (!transaction) {
    m_lastFailure = lastPrimaryCode(db);
    return transaction.error();
  }
  Statement& insertLead = *m_insertLead;
  for (int i = 0; i < kTextFieldCount; ++i) insertLead.bind(i + 1, lead.*kLeadTextFields[i].member);
  insertLead.bind(kTextFieldCount + 1, std::int64_t{lead.consentGiven ? 1 : 0});
  std::optional<Error> error = insertLead.run("storing a lead");
  const bool isNew = !error && sqlite3_changes(db) > 0;
  const std::int64_t leadId = sqlite3_last_insert_rowid(db);
  for (std::size_t i = 0; isNew && !error && i < lead.productIds.size(); ++i) {
    m_insertProduct->bind(1, leadId)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, lead.productIds[i]);
    error = m_insertProduct->run("storing a lead's products");
  }
  if (!error) error = transaction.value().commit();
  if (error) m_lastFailure = lastPrimaryCode(db);
  return error;
}

std::optional<Error> LeadStore::countEvent(EventKind kind, std::string_view productId,
                                           std::chrono::system_clock::time_point when) {
  checkDisk();
  // One statement in autocommit mode: its own durable transaction.
  return m_countEvent->bind(1, std::string_view(eventKindName(kind)))
      .bind(2, productId)
      .bind(3, utcHour(when))
      .run("counting a visit event");
}

void LeadStore::checkDisk() {
  auto free = freeBytes(m_file.has_parent_path() ? m_file.parent_path() : fs::path("."));
  m_checkpointAfterCommit = !free || free.value() < m_options.lowDiskBytes;
  if (!free) {
    m_diskWarning = "cannot read the free space for leads: " + free.error().text();
  } else if (free.value() < m_options.lowDiskBytes) {
    m_diskWarning = fmt::format("low disk space for leads: {} free on {} (warning below {})",
                                mebibytes(free.value()), m_name, mebibytes(m_options.lowDiskBytes));
  } else {
    m_diskWarning.reset();
  }
}

void LeadStore::checkpoint() {
  // Copies the WAL into the database and truncates it to 0 bytes. A failure (a reader in the
  // way, no room to grow the database) leaves everything as it was; the next one tries again.
  sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

Result<std::int64_t> LeadStore::count() const {
  auto statement = Statement::prepare(m_db.get(), m_name, "SELECT count(*) FROM leads");
  if (!statement) return statement.error();
  auto row = statement.value().step("counting leads");
  if (!row) return row.error();
  return statement.value().integer(0);
}

Result<bool> LeadStore::contains(const std::string& uuid) const {
  auto statement = Statement::prepare(m_db.get(), m_name, "SELECT 1 FROM leads WHERE uuid = ?1");
  if (!statement) return statement.error();
  return statement.value().bind(1, uuid).step("looking up a lead");
}

Result<std::int64_t> LeadStore::count(const LeadFilter& filter) const {
  auto statement = Statement::prepare(m_db.get(), m_name,
                                      fmt::format("SELECT count(*) FROM leads WHERE {}", kFilterWhere));
  if (!statement) return statement.error();
  bindFilter(statement.value(), filter);
  auto row = statement.value().step("counting leads");
  if (!row) return row.error();
  return statement.value().integer(0);
}

Result<std::int64_t> LeadStore::markExported(const LeadFilter& filter,
                                             std::chrono::system_clock::time_point now) {
  auto statement = Statement::prepare(
      m_db.get(), m_name, fmt::format("UPDATE leads SET exported_utc = ?4 WHERE {}", kFilterWhere));
  if (!statement) return statement.error();
  bindFilter(statement.value(), filter);
  statement.value().bind(4, utcTimestamp(now));
  if (auto error = statement.value().run("noting the leads as exported")) return *error;
  return static_cast<std::int64_t>(sqlite3_changes(m_db.get()));
}

Result<std::int64_t> LeadStore::countNotExported() const {
  LeadFilter filter;
  filter.notYetExported = true;
  return count(filter);
}

Result<std::int64_t> LeadStore::lastRowId() const {
  auto statement = Statement::prepare(m_db.get(), m_name, "SELECT coalesce(max(id), 0) FROM leads");
  if (!statement) return statement.error();
  auto row = statement.value().step("reading the newest lead");
  if (!row) return row.error();
  return statement.value().integer(0);
}

std::string columnList() {
  std::string columns;
  for (const auto& field : kLeadTextFields) columns += fmt::format("{}, ", field.column);
  return columns + "consent_given";
}

std::string leadsWithProductsSql(std::string_view leads, std::string_view order) {
  return fmt::format(
      "SELECT id, {}, lead_id IS NOT NULL AS has_product, product_id FROM {} "
      "LEFT JOIN lead_products ON lead_id = id ORDER BY {}, position",
      columnList(), leads, order);
}

Result<std::vector<Lead>> LeadStore::recent(std::size_t limit) const {
  LeadListQuery everyLead;
  everyLead.limit = limit;
  return list(everyLead);
}

std::optional<Error> LeadStore::forEach(const LeadFilter& filter,
                                        const std::function<bool(const Lead&)>& visit) const {
  // leads_by_created gives the order without a sort.
  auto statement = Statement::prepare(
      m_db.get(), m_name,
      leadsWithProductsSql(fmt::format("(SELECT * FROM leads WHERE {})", kFilterWhere), "created_utc, id"));
  if (!statement) return statement.error();
  bindFilter(statement.value(), filter);
  return readLeads(statement.value(), visit);
}

std::optional<Error> LeadStore::readLeads(Statement& select,
                                          const std::function<bool(const Lead&)>& visit) const {
  constexpr int kHasProduct = kTextFieldCount + 2;
  Lead lead;  // reused: its strings keep their capacity from lead to lead
  std::optional<std::int64_t> current;
  for (;;) {
    auto row = select.step("listing leads");
    if (!row) return row.error();
    if (!row.value()) {
      if (current) visit(lead);
      return std::nullopt;
    }
    const std::int64_t id = select.integer(0);
    if (id != current) {
      if (current && !visit(lead)) return std::nullopt;
      current = id;
      for (int i = 0; i < kTextFieldCount; ++i) {
        lead.*kLeadTextFields[i].member = select.text(i + 1);
      }
      lead.consentGiven = select.integer(kTextFieldCount + 1) != 0;
      lead.productIds.clear();
    }
    if (select.integer(kHasProduct) != 0) lead.productIds.push_back(select.text(kHasProduct + 1));
  }
}

Result<CounterSummary> LeadStore::counters() const {
  auto statement = Statement::prepare(
      m_db.get(), m_name,
      "SELECT kind, product_id, hour_utc, count FROM counters ORDER BY hour_utc, kind, product_id");
  if (!statement) return statement.error();
  Statement& select = statement.value();
  CounterSummary summary;
  for (;;) {
    auto row = select.step("reading the visit counters");
    if (!row) return row.error();
    if (!row.value()) return summary;
    const auto kind = eventKindFromName(select.text(0));
    if (!kind) continue;  // a kind this kiosk does not know
    CounterRow counter{*kind, select.text(1), select.text(2), select.integer(3)};
    summary.totals[counter.kind] += counter.count;
    if (!counter.productId.empty()) {
      summary.perProduct[counter.productId][counter.kind] += counter.count;
    }
    summary.hourly.push_back(std::move(counter));
  }
}

std::optional<Error> LeadStore::integrityCheck() const {
  auto statement = Statement::prepare(m_db.get(), m_name, "PRAGMA integrity_check");
  if (!statement) return statement.error();
  std::string findings;
  for (;;) {
    auto row = statement.value().step("checking the database");
    if (!row) return row.error();
    if (!row.value()) break;
    const std::string line = statement.value().text(0);
    if (line != "ok") findings += (findings.empty() ? "" : "; ") + line;
  }
  if (findings.empty()) return std::nullopt;
  return Error{m_name, "integrity check failed: " + findings};
}

}  // namespace etalase::leads
