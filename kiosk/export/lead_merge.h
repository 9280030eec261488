// The organiser's merge: the JSON Lines exports of many kiosks into one file, each lead once,
// the same person seen at several stands flagged (docs/lead-exchange-format.md, "Merging").
//
// Two passes over the inputs, streamed line by line: the first keeps only each lead's uuid and
// person keys (person_key.h) to find the duplicates and the groups, the second writes. So 100
// files of 1,000 leads take a few tens of megabytes, whatever the leads hold.
//
// A lead in several inputs (one export copied twice, an "all" and a "not yet exported" export of
// one kiosk) is written once: the copy from the latest export (its staff rating and notes are the
// newest), the first of equals. Leads of one person (same e-mail or phone, possibly through a
// chain) are all kept and share a "same_person" id. A bad line or a refused file is a problem
// reported and passed over; the rest is merged.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/export/export_format.h"
#include "media/error.h"

namespace etalase::exporting {

struct MergeOptions {
  std::vector<std::filesystem::path> inputs;  // JSON Lines exports (or merged files)
  std::filesystem::path output;
  ExportFormat format = ExportFormat::JsonLines;  // CSV, XLSX or JSON Lines
  bool csvByteOrderMark = false;
  // Also one file per producer in this folder (empty: none), in `format`, holding the leads that
  // asked about any of the producer's products.
  std::filesystem::path byProducerFolder;
  std::string exportedUtc;  // for the JSON Lines header; empty: now
};

struct ProducerFile {
  std::string producerId;
  std::filesystem::path file;
  std::int64_t leads = 0;
};

struct MergeReport {
  int filesRead = 0;     // opened and with a valid header
  int filesRefused = 0;  // could not be opened, or are not lead files
  std::int64_t leadsRead = 0;
  std::int64_t duplicatesRemoved = 0;
  std::int64_t leadsWritten = 0;
  std::int64_t samePersonGroups = 0;   // people who left their contact more than once
  std::int64_t seenAtSeveralStands = 0;  // of those, at more than one stand
  std::int64_t problems = 0;           // bad lines and refused files
  std::int64_t withoutProducer = 0;    // leads in no producer's file (--by-producer)
  std::uint64_t bytes = 0;
  std::vector<ProducerFile> producerFiles;
};

// Each problem as "FILE:LINE: what" or "FILE: what", never quoting a lead's content.
using OnMergeProblem = std::function<void(const std::string& message)>;

// An Error when nothing could be merged (no input readable) or an output could not be written
// (then no output is left half-written).
Result<MergeReport> mergeLeadFiles(const MergeOptions& options, const OnMergeProblem& onProblem);

}  // namespace etalase::exporting
