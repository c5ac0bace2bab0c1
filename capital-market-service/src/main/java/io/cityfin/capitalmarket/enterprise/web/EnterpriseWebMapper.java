package io.cityfin.capitalmarket.enterprise.web;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cityfin.capitalmarket.api.model.EnterpriseContentDto;
import io.cityfin.capitalmarket.api.model.EnterpriseDto;
import io.cityfin.capitalmarket.api.model.EnterpriseListingDto;
import io.cityfin.capitalmarket.api.model.EnterpriseReservePoolDto;
import io.cityfin.capitalmarket.api.model.EnterpriseShareholdingReformDto;
import io.cityfin.capitalmarket.api.model.EnterpriseWarningDto;
import io.cityfin.capitalmarket.api.model.PipelineContentDto;
import io.cityfin.capitalmarket.api.model.PipelineDto;
import io.cityfin.capitalmarket.api.model.PipelineStageDto;
import io.cityfin.capitalmarket.enterprise.Enterprise;
import io.cityfin.capitalmarket.enterprise.Pipeline;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.StoredRecord;

/** Enterprises and pipelines between their wire form ({@code *Dto}) and their content records: pure functions. */
final class EnterpriseWebMapper {

    private EnterpriseWebMapper() {
    }

    static Enterprise enterprise(EnterpriseContentDto dto) {
        EnterpriseReservePoolDto pool = dto.getReservePool();
        EnterpriseShareholdingReformDto reform = dto.getShareholdingReform();
        return new Enterprise(dto.getName(), dto.getRegion(), dto.getSpecialisedSmeSince(),
                pool == null ? null : new Enterprise.ReservePool(pool.getSince(), pool.getUntil()),
                reform == null ? null : new Enterprise.ShareholdingReform(reform.getStatus(), reform.getSignedOn(), reform.getCompletedOn()),
                each(dto.getListings(), listing -> listing == null ? null
                        : new Enterprise.Listing(listing.getBoard(), listing.getStockCode(), listing.getListedOn(), listing.getDelistedOn())));
    }

    static Pipeline pipeline(PipelineContentDto dto) {
        return new Pipeline(dto.getTargetBoard(), dto.getSponsor(), dto.getKeyCandidateYears(), dto.getTerminatedOn(),
                each(dto.getStages(), stage -> stage == null ? null : new Pipeline.Stage(stage.getStage(), stage.getPlannedOn(), stage.getActualOn())));
    }

    /** The version as answered, with the board the enterprise is listed on at {@code today}. */
    static EnterpriseDto dto(StoredRecord<Enterprise> record, LocalDate today) {
        Enterprise content = record.content();
        Enterprise.ReservePool pool = content.reservePool();
        Enterprise.ShareholdingReform reform = content.shareholdingReform();
        return RecordDto.envelope(new EnterpriseDto(), record, EnterpriseWarningDto::new).uscc(record.key())
                .board(content.boardAt(today))
                .name(content.name())
                .region(content.region())
                .specialisedSmeSince(content.specialisedSmeSince())
                .reservePool(pool == null ? null : new EnterpriseReservePoolDto().since(pool.since()).until(pool.until()))
                .shareholdingReform(reform == null ? null : new EnterpriseShareholdingReformDto().status(reform.status())
                        .signedOn(reform.signedOn()).completedOn(reform.completedOn()))
                .listings(each(content.listings(), listing -> listing == null ? null : new EnterpriseListingDto().board(listing.board())
                        .stockCode(listing.stockCode()).listedOn(listing.listedOn()).delistedOn(listing.delistedOn())));
    }

    static PipelineDto dto(StoredRecord<Pipeline> record) {
        Pipeline content = record.content();
        return RecordDto.envelope(new PipelineDto(), record, EnterpriseWarningDto::new).uscc(record.key())
                .targetBoard(content.targetBoard())
                .sponsor(content.sponsor())
                .keyCandidateYears(content.keyCandidateYears())
                .terminatedOn(content.terminatedOn())
                .stages(each(content.stages(), stage -> stage == null ? null
                        : new PipelineStageDto().stage(stage.stage()).plannedOn(stage.plannedOn()).actualOn(stage.actualOn())));
    }

    /** Each element mapped, nulls kept in place so that pointers into the list stay right; null for an absent list. */
    private static <A, B> @Nullable List<@Nullable B> each(@Nullable List<@Nullable A> list, Function<@Nullable A, @Nullable B> map) {
        if (list == null) {
            return null;
        }
        return list.stream().map(map).collect(java.util.stream.Collectors.toList());
    }
}
