// How an export file appears whole or not at all, for exportLeads() and the organiser's merge:
// it is written as <file>.partial in the same folder, then fsync()ed, read back and checked
// (export_check.h), renamed to <file>, and the folder synced. A PartialExport destroyed before
// commit() removes the .partial file and leaves <file> as it was.
#pragma once

#include <cstdint>
#include <filesystem>

#include "kiosk/export/export_format.h"
#include "media/error.h"

namespace etalase::exporting {

class PartialExport {
 public:
  explicit PartialExport(std::filesystem::path finalFile);
  PartialExport(const PartialExport&) = delete;
  PartialExport& operator=(const PartialExport&) = delete;
  PartialExport(PartialExport&& other) noexcept;
  PartialExport& operator=(PartialExport&&) = delete;
  ~PartialExport();

  // Where the writer writes.
  const std::filesystem::path& partialFile() const { return m_partial; }
  const std::filesystem::path& finalFile() const { return m_final; }
  // The Error with the final name in place of the .partial one: the user knows that name, and
  // the .partial file is gone by the time they read it.
  Error named(Error error) const;

  // Syncs, checks for `expectedLeads` leads, renames into place and syncs the folder; the file's
  // size in bytes. On an Error nothing is left under either name.
  Result<std::uint64_t> commit(ExportFormat format, std::int64_t expectedLeads,
                               bool merged = false);

 private:
  std::filesystem::path m_final;
  std::filesystem::path m_partial;  // empty once renamed (or moved from)
};

}  // namespace etalase::exporting
