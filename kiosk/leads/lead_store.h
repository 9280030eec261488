// The durable lead store: buyers' contacts and the visit counters in one SQLite file.
//
//   auto store = LeadStore::open("/var/lib/etalase/leads.db");
//   if (auto error = store.value().add(lead)) { ... keep the lead elsewhere (LeadSaver does) }
//
// add() returns after the lead is on the disk (WAL, synchronous=FULL): a power cut after it
// returned cannot lose the lead; one during it leaves the lead stored whole or not at all, and
// never damages what was stored before. Nothing here logs, and no Error carries personal data.
// Not thread-safe: one thread uses one LeadStore (LeadSaver's worker); other threads or processes
// may open their own on the same file.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/leads/lead.h"
#include "kiosk/leads/lead_stats.h"
#include "kiosk/leads/store_sqlite.h"
#include "media/error.h"

namespace etalase::leads {

// What the visit counters count. None of it is personal data.
enum class EventKind {
  ProductView,
  VideoPlay,
  FormOpened,
  FormSubmitted,
  ScanKeyboard,
  ScanCamera
};
inline constexpr EventKind kEventKinds[] = {EventKind::ProductView,  EventKind::VideoPlay,
                                            EventKind::FormOpened,   EventKind::FormSubmitted,
                                            EventKind::ScanKeyboard, EventKind::ScanCamera};
// "product-view", "video-play", "form-opened", "form-submitted", "scan-keyboard", "scan-camera"
const char* eventKindName(EventKind kind);
std::optional<EventKind> eventKindFromName(std::string_view name);

struct CounterRow {
  EventKind kind;
  std::string productId;  // empty for events that are not about one product
  std::string hourUtc;    // e.g. 2026-12-02T17
  std::int64_t count = 0;
};

struct CounterSummary {
  std::map<EventKind, std::int64_t> totals;
  std::map<std::string, std::map<EventKind, std::int64_t>> perProduct;  // by product id
  std::vector<CounterRow> hourly;                                       // oldest hour first
};

// Which leads forEach() visits.
struct LeadFilter {
  std::string sinceUtc;  // created_utc >= this when not empty (ISO 8601 UTC, compared as text)
  // Only leads stored up to this row (lastRowId() when an export starts), so that the leads an
  // export marks are exactly those it wrote (0 on an empty store: none).
  std::optional<std::int64_t> maxRowId;
  bool notYetExported = false;  // only leads no export has marked yet
};
inline LeadFilter leadsSince(std::string sinceUtc) {
  LeadFilter filter;
  filter.sinceUtc = std::move(sinceUtc);
  return filter;
}

struct StoreOptions {
  // Below this much free space on the database's file system, diskWarning() says so (leads are
  // still saved while SQLite can write them: a lead matters more than the reserve).
  std::uint64_t lowDiskBytes = 2 * 1024 * 1024;
  // false: a missing file is an Error instead of a new, empty database.
  bool create = true;
};

class LeadStore {
 public:
  // Opens or creates the database and brings its schema up to date. Refuses a file that is not a
  // SQLite database or has a newer schema than this kiosk knows, naming the file.
  static Result<LeadStore> open(const std::filesystem::path& file, StoreOptions options = {});

  LeadStore(LeadStore&&) noexcept = default;
  LeadStore& operator=(LeadStore&&) noexcept = default;
  ~LeadStore();

  // Stores the lead in one transaction and returns once it is durable. The lead needs a uuid and
  // createdUtc (fillIdentity). A lead whose uuid is already stored is left as it is and not
  // stored twice (a retry after an unclear outcome), and that is no error.
  [[nodiscard]] std::optional<Error> add(const Lead& lead);
  // Adds one to the counter of this kind, product and the UTC hour of `when`.
  [[nodiscard]] std::optional<Error> countEvent(
      EventKind kind, std::string_view productId,
      std::chrono::system_clock::time_point when = std::chrono::system_clock::now());

  Result<std::int64_t> count() const;
  Result<std::int64_t> count(const LeadFilter& filter) const;
  Result<bool> contains(const std::string& uuid) const;
  // The newest leads first (by createdUtc), at most `limit`.
  Result<std::vector<Lead>> recent(std::size_t limit) const;
  // Every lead the filter takes, oldest first (createdUtc, then storage order), products filled,
  // one at a time: never all in memory. `visit` returning false stops early (no Error). The
  // reference is valid only during the call. Reads one snapshot: leads added meanwhile are left out.
  [[nodiscard]] std::optional<Error> forEach(const LeadFilter& filter,
                                             const std::function<bool(const Lead&)>& visit) const;
  Result<CounterSummary> counters() const;
  // The row id of the newest lead stored, 0 when there is none.
  Result<std::int64_t> lastRowId() const;

  // --- Staff mode (lead_store_staff.cpp) ---
  Result<std::vector<Lead>> list(const LeadListQuery& query) const;
  Result<std::int64_t> countMatching(const LeadListQuery& query) const;
  Result<std::optional<Lead>> find(const std::string& uuid) const;
  // Staff's rating, notes and follow-up flag; an Error when the lead is no longer stored.
  [[nodiscard]] std::optional<Error> annotate(const std::string& uuid, const std::string& rating,
                                              const std::string& notes, bool followUp);
  // A person's right to erasure: the lead and its products are deleted and their content
  // overwritten in the file (secure_delete, then a checkpoint), so later exports cannot hold it.
  // The export log records only that one lead was erased.
  [[nodiscard]] std::optional<Error> erase(const std::string& uuid);
  // Every lead, the same way; the visit counters stay. Returns how many were erased.
  Result<std::int64_t> eraseAll();
  // Retention: deletes the leads created before `cutoffUtc` and notes their number in the export
  // log (when there were any).
  Result<std::int64_t> deleteCreatedBefore(const std::string& cutoffUtc,
                                           std::chrono::system_clock::time_point now);
  // Notes the filter's leads as exported now; returns how many.
  Result<std::int64_t> markExported(const LeadFilter& filter,
                                    std::chrono::system_clock::time_point now =
                                        std::chrono::system_clock::now());
  Result<std::int64_t> countNotExported() const;
  [[nodiscard]] std::optional<Error> addLogEntry(ExportLogEntry entry);
  // The newest `limit` entries, newest first.
  Result<std::vector<ExportLogEntry>> exportLog(std::size_t limit) const;
  // Counts for the dashboard, hours and days shifted by the stand's offset from UTC.
  Result<LeadStats> leadStats(int utcOffsetMinutes) const;

  // nullopt when SQLite's integrity check says "ok", else its findings.
  [[nodiscard]] std::optional<Error> integrityCheck() const;

  // Set when the last add() or countEvent() found less than lowDiskBytes free, e.g.
  // "low disk space for leads: 1.4 MiB free (warning below 2.0 MiB)"; for staff, no personal data.
  const std::optional<std::string>& diskWarning() const { return m_diskWarning; }
  const std::filesystem::path& file() const { return m_file; }

 private:
  LeadStore(std::filesystem::path file, StoreOptions options, SqlitePtr db);
  std::optional<Error> configure();
  std::optional<Error> prepareWrites();
  std::optional<Error> insert(const Lead& lead);
  void checkDisk();
  void checkpoint();
  // Steps `select` (columns: id, then columnList()) and hands each lead to `visit`.
  std::optional<Error> readLeads(Statement& select,
                                 const std::function<bool(const Lead&)>& visit) const;
  // Deletes the leads a WHERE clause picks (bound to `value`) in one transaction, then
  // checkpoints so that their content leaves the file.
  Result<std::int64_t> deleteWhere(const char* where, std::string_view value, std::string_view what);

  std::filesystem::path m_file;
  std::string m_name;  // m_file as text, for Errors
  StoreOptions m_options;
  SqlitePtr m_db;  // declared before the statements: they are finalized first
  std::optional<Statement> m_insertLead;
  std::optional<Statement> m_insertProduct;
  std::optional<Statement> m_countEvent;
  std::optional<std::string> m_diskWarning;
  bool m_checkpointAfterCommit = false;
  int m_lastFailure = 0;  // SQLITE_OK, or the primary code of the last failed insert()
};

}  // namespace etalase::leads
