// The open producer page's media.
#include "producer_page.h"

#include "kiosk/packs/product_poster.h"
#include "media/log.h"
#include "media/still_image.h"

namespace etalase::kiosk {

bool ProducerPage::open(const Catalog& catalog, const std::string& producerId, ScreenId from) {
  const Producer* producer = catalog.producer(producerId);
  if (!producer) return false;
  close();
  m_producer = producer;
  m_backTo = from;
  if (!producer->logo.empty()) {
    m_logo = m_output.texture(media::loadStillImage(producer->logo.string(), kPosterMaxWidth, kPosterMaxHeight));
  }
  m_contact = contactCode(*producer);
  m_media = ProducerMedia{m_logo.get(), m_contact.qrCode(), m_contact.link};
  log::info("producer page: {}", producerId);
  return true;
}

void ProducerPage::close() {
  m_producer = nullptr;
  m_media = ProducerMedia{};
  m_logo.reset();
  m_contact = ContactCode{};
}

ProducerAction ProducerPage::draw(const ScreenContext& context) const {
  return drawProducer(context, *m_producer, m_media);
}

}  // namespace etalase::kiosk
