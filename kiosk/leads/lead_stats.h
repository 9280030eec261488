// What staff mode asks of the lead store besides saving: a lead list with search and filters, the
// export log, and the lead counts behind the dashboard's charts. Plain data, no UI.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace etalase::leads {

// Which leads the staff list shows, newest first.
struct LeadListQuery {
  // Found in the name, company, e-mail, phone or staff notes (ASCII letters in any case).
  std::string search;
  std::string fromUtc, beforeUtc;        // created_utc in [fromUtc, beforeUtc) where not empty
  std::string productId;                 // leads asking about this product, where not empty
  std::optional<std::string> rating;     // this rating; "" for leads nobody rated yet
  bool followUpOnly = false;
  std::size_t limit = 50;                // list() only
};

// A line of the export log kept in the lead database: an export, an erasure or a retention
// clean-up. Never names a person.
struct ExportLogEntry {
  std::string atUtc;    // filled by addLogEntry() when empty
  std::string kind;     // "export", "erasure", "erase-all", "retention"
  std::string format;   // csv, xlsx, vcf, jsonl (exports)
  std::string file;     // the file's name (exports)
  std::int64_t leads = 0;
  std::string outcome;  // "done", "cancelled", or what went wrong
};

// Lead counts for the dashboard. Hours and days are the stand's local time (the offset given to
// LeadStore::leadStats), e.g. "2026-12-04T10" and "2026-12-04".
struct LeadStats {
  std::int64_t total = 0;
  std::int64_t typed = 0, scanned = 0;
  std::int64_t hot = 0, warm = 0, cold = 0, unrated = 0;
  std::int64_t followUp = 0;
  std::map<std::string, std::int64_t> perHour;
  std::vector<std::pair<std::string, std::int64_t>> perDay;      // oldest first
  std::vector<std::pair<std::string, std::int64_t>> perProduct;  // most asked first
};

}  // namespace etalase::leads
