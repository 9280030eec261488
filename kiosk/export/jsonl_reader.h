// Reads a JSON Lines lead file (docs/lead-exchange-format.md), e.g. one a kiosk exported, for a
// merge. A bad line (not JSON, a field of the wrong type, no uuid, longer than 1 MiB, cut short
// at the end) is reported with the file name and line number, and the lines after it are still
// read: one hostile or truncated line never costs the others. Messages never quote the line
// (it may be personal data).
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <string>

#include "kiosk/leads/lead.h"
#include "media/error.h"

namespace etalase::exporting {

inline constexpr std::size_t kMaxLeadLineBytes = 1024 * 1024;

struct LeadLinesSummary {
  int version = 0;  // the header's
  std::string deviceId;
  std::string exportedUtc;
  // Empty when the header has none (an older kiosk's file) or not of the right type.
  std::string standName;
  std::map<std::string, std::string> producerOfProduct;  // header "producers"
  std::map<std::string, std::string> producerNames;      // header "producer_names"
  bool merged = false;  // written by etalase-leads merge
  std::int64_t mergedFrom = 0;
  std::int64_t leads = 0;     // handed to onLead
  std::int64_t problems = 0;  // reported to onProblem
};

// A lead's line as the merge needs it: the file's header, and the stand the lead was left at (the
// line's own "stand_name" in a merged file, else the header's).
struct LeadLine {
  const LeadLinesSummary& file;
  std::int64_t number;  // 1-based line number
  std::string standName;
};

using OnLead = std::function<void(leads::Lead&& lead)>;
using OnLeadLine = std::function<void(leads::Lead&& lead, const LeadLine& line)>;
// line: 1-based; message: "<fileName>:<line>: <what went wrong>".
using OnProblem = std::function<void(std::int64_t line, const std::string& message)>;

// An Error only for the whole file: it cannot be read, or its first line is not the header of
// this format, or the header's version is newer than this reader's (kLeadExchangeVersion).
Result<LeadLinesSummary> readLeadLines(std::istream& in, const std::string& fileName,
                                       const OnLead& onLead, const OnProblem& onProblem);
Result<LeadLinesSummary> readLeadLinesWithHeader(std::istream& in, const std::string& fileName,
                                                 const OnLeadLine& onLead,
                                                 const OnProblem& onProblem);

}  // namespace etalase::exporting
