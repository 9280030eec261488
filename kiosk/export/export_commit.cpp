#include "kiosk/export/export_commit.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "kiosk/export/export_check.h"
#include "kiosk/leads/store_files.h"

namespace etalase::exporting {

namespace {

namespace fs = std::filesystem;

fs::path folderOf(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

}  // namespace

PartialExport::PartialExport(fs::path finalFile)
    : m_final(std::move(finalFile)), m_partial(fs::path(m_final) += ".partial") {}

PartialExport::PartialExport(PartialExport&& other) noexcept
    : m_final(std::move(other.m_final)), m_partial(std::exchange(other.m_partial, {})) {}

PartialExport::~PartialExport() {
  if (!m_partial.empty()) (void)leads::removeFileDurably(m_partial);  // nothing better to do
}

Error PartialExport::named(Error error) const {
  if (!m_partial.empty() && error.where == m_partial.string()) error.where = m_final.string();
  return error;
}

Result<std::uint64_t> PartialExport::commit(ExportFormat format, std::int64_t expectedLeads,
                                            bool merged) {
  if (auto error = leads::syncFile(m_partial)) return named(*error);
  auto bytes = checkExportFile(m_partial, format, expectedLeads, merged);
  if (!bytes) return named(bytes.error());
  if (::rename(m_partial.c_str(), m_final.c_str()) != 0) {
    return Error{m_final.string(), std::string("renaming the finished file into place: ") +
                                       std::strerror(errno)};
  }
  m_partial.clear();
  if (auto error = leads::syncFolder(folderOf(m_final))) {
    // Not durable: a power cut could still lose it, so do not call it done.
    ::unlink(m_final.c_str());
    return *error;
  }
  return bytes;
}

}  // namespace etalase::exporting
