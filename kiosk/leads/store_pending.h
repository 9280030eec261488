// Leads that could not be committed to the database yet (disk full, read-only or missing
// storage): kept in memory and, when a file is given, in a small JSON Lines file (one lead per
// line) that is replaced atomically on every change, so that after a power cut or restart it
// holds the pending leads as they were before or after the change, whole. Put that file on
// another file system than the database where the board has one (it is useless on the same full
// disk, but still survives a restart there when the database is merely unopenable).
// Not thread-safe: LeadSaver's worker owns it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/leads/lead.h"
#include "media/error.h"

namespace etalase::leads {

// One lead as one line of JSON (keys are the `leads` column names, plus consent_given and
// product_ids), without a newline. Text that is not valid UTF-8 gets U+FFFD in its place. A line
// without uuid or created_utc is not a lead.
std::string leadToJsonLine(const Lead& lead);
Result<Lead> leadFromJsonLine(std::string_view line);

class PendingLeads {
 public:
  // An empty path keeps leads in memory only.
  explicit PendingLeads(std::filesystem::path file) : m_file(std::move(file)) {}

  // Reads what an earlier run left (no file: nothing pending). A line that cannot be read is an
  // Error naming the file and line; the file is then moved aside to <file>.unreadable (never
  // deleted, a person may rescue it) and the readable leads are kept.
  [[nodiscard]] std::optional<Error> load();

  // Keeps the lead (always, in memory) and rewrites the file; the Error says the file could not
  // be written (the lead is then in memory only). A lead already pending is replaced.
  [[nodiscard]] std::optional<Error> keep(const Lead& lead);
  // Forgets these leads (stored in the database now) and rewrites or removes the file.
  [[nodiscard]] std::optional<Error> forget(const std::vector<std::string>& uuids);

  const std::vector<Lead>& leads() const { return m_leads; }
  bool empty() const { return m_leads.empty(); }
  const std::filesystem::path& file() const { return m_file; }

 private:
  std::optional<Error> save() const;

  std::filesystem::path m_file;
  std::vector<Lead> m_leads;
};

}  // namespace etalase::leads
