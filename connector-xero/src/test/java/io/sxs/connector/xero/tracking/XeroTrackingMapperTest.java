package io.sxs.connector.xero.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.invoice.XeroInvoiceRequestMapper;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.TrackingCategory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroTrackingMapperTest {

    private static final String CATEGORIES = """
            [{"Name":"Region","Status":"ACTIVE","TrackingCategoryID":"c-1","Options":[
               {"TrackingOptionID":"o-1","Name":"North","Status":"ACTIVE"},{"TrackingOptionID":"o-2","Name":"South","Status":"ARCHIVED"}]},
             {"Name":"Department","Status":"ACTIVE","TrackingCategoryID":"c-2","Options":[]},
             {"Name":"Old","Status":"ARCHIVED","TrackingCategoryID":"c-3","Options":[]}]""";

    private static JsonNode json(String s) throws Exception {
        return XeroJson.MAPPER.readTree(s);
    }

    @Test
    void theNamedActiveCategoryIsFoundWhateverItsCaseAndItsOptionsKeepTheirStatus() throws Exception {
        JsonNode region = XeroTrackingMapper.category(json(CATEGORIES), " region ");
        TrackingCategory north = XeroTrackingMapper.toOption("Region", region.get("Options").get(0));
        TrackingCategory south = XeroTrackingMapper.toOption("Region", region.get("Options").get(1));
        assertThat(north.getId()).isEqualTo("o-1");
        assertThat(north.getCategoryName()).isEqualTo("Region");
        assertThat(north.getOptions()).isEmpty();
        assertThat(south.getStatus()).isEqualTo(RecordStatus.ARCHIVED);
    }

    @Test
    void aMissingOrArchivedCategoryIsAnErrorNamingTheActiveOnes() {
        assertThatThrownBy(() -> XeroTrackingMapper.category(json(CATEGORIES), "Project"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("'Project', which is not an active Xero tracking category (active: Region, Department)");
        assertThatThrownBy(() -> XeroTrackingMapper.category(json(CATEGORIES), "Old"))
                .hasMessageContaining("not an active Xero tracking category");
    }

    @Test
    void aLineOptionFromScoroIsNamedByTheConnectionsCategoryAndAnUnsyncedOneIsLeftOff() throws Exception {
        DocumentLine line = DocumentLine.newBuilder().setDescription("Work").setQuantity(new BigDecimal("1.0000"))
                .setUnitAmount(new BigDecimal("10.0000")).setLineAmount(new BigDecimal("10.00"))
                .setTracking(List.of(LineTracking.newBuilder().setOptionRef("o-1").build(), new LineTracking()))
                .build();
        Invoice invoice = Invoice.newBuilder().setId("").setContactRef("x-c").setStatus(DocumentStatus.DRAFT)
                .setLines(List.of(line)).build();
        ObjectNode request = XeroInvoiceRequestMapper.toRequest(invoice, null, "Region");
        JsonNode tracking = request.get("LineItems").get(0).get("Tracking");
        assertThat(tracking).hasSize(1);
        assertThat(tracking.get(0).get("Name").asText()).isEqualTo("Region");
        assertThat(tracking.get(0).get("TrackingOptionID").asText()).isEqualTo("o-1");
    }
}
