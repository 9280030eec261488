// The merge's --by-producer files: one per producer, opened when its first lead comes, named by
// the producer id made safe for a FAT stick (a "-2" added when two ids come out the same), each
// appearing whole or not at all (export_commit.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/export/export_commit.h"
#include "kiosk/export/lead_merge.h"
#include "kiosk/export/lead_writer.h"

namespace etalase::exporting {

class ProducerFiles {
 public:
  // `options`: the merged file's writer options; each producer's file gets its own maps.
  ProducerFiles(std::filesystem::path folder, ExportFormat format, WriterOptions options);

  [[nodiscard]] std::optional<Error> write(const std::string& producerId, const leads::Lead& lead,
                                           const MergedFields& fields);
  // Finishes and commits every file; what was written, in producer id order.
  Result<std::vector<ProducerFile>> finish();

 private:
  struct Output {
    PartialExport partial;
    std::unique_ptr<LeadWriter> writer;
    std::int64_t leads = 0;
  };
  Result<Output*> outputFor(const std::string& producerId);

  std::filesystem::path m_folder;
  ExportFormat m_format;
  WriterOptions m_options;
  std::map<std::string, std::unique_ptr<Output>> m_outputs;  // by producer id
  std::map<std::string, std::string> m_usedNames;            // file name -> producer id
};

}  // namespace etalase::exporting
