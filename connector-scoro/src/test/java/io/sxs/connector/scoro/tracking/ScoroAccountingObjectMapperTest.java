package io.sxs.connector.scoro.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.support.Json;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TrackingCategory;
import org.junit.jupiter.api.Test;

class ScoroAccountingObjectMapperTest {

    @Test
    void anObjectIsAnOptionOfItsGroupAndTheRequestWritesItBack() {
        TrackingCategory option = ScoroAccountingObjectMapper.toCanonical(Json.of("""
                {"object_id":7,"name":"East","parent_group_name":"Region","is_active":0}"""));
        assertThat(option.getId()).isEqualTo("7");
        assertThat(option.getCategoryName()).isEqualTo("Region");
        assertThat(option.getStatus()).isEqualTo(RecordStatus.ARCHIVED);

        ObjectNode request = ScoroAccountingObjectMapper.toRequest(option);
        assertThat(request.get("name").asText()).isEqualTo("East");
        assertThat(request.get("parent_group_name").asText()).isEqualTo("Region");
        assertThat(request.get("is_active").asInt()).isZero();
    }

    @Test
    void anObjectWithoutANameIsATypedError() {
        assertThatThrownBy(() -> ScoroAccountingObjectMapper.toCanonical(Json.of("{\"object_id\":7}")))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("without name");
    }
}
