// V0002: indexes on the TLP marking, so that counting what lies above a caller's clearance reads
// only the marked elements (most carry no tlp at all). Relationship indexes are per type.
CREATE INDEX entity_tlp IF NOT EXISTS FOR (n:Entity) ON (n.tlp);
CREATE INDEX attributed_to_tlp IF NOT EXISTS FOR ()-[r:ATTRIBUTED_TO]-() ON (r.tlp);
CREATE INDEX member_of_tlp IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.tlp);
CREATE INDEX employed_by_tlp IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() ON (r.tlp);
CREATE INDEX contracted_by_tlp IF NOT EXISTS FOR ()-[r:CONTRACTED_BY]-() ON (r.tlp);
CREATE INDEX part_of_tlp IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.tlp);
CREATE INDEX controlled_by_tlp IF NOT EXISTS FOR ()-[r:CONTROLLED_BY]-() ON (r.tlp);
CREATE INDEX sponsored_by_tlp IF NOT EXISTS FOR ()-[r:SPONSORED_BY]-() ON (r.tlp);
CREATE INDEX targets_tlp IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.tlp);
CREATE INDEX compromised_tlp IF NOT EXISTS FOR ()-[r:COMPROMISED]-() ON (r.tlp);
CREATE INDEX serves_tlp IF NOT EXISTS FOR ()-[r:SERVES]-() ON (r.tlp);
CREATE INDEX subcontracts_to_tlp IF NOT EXISTS FOR ()-[r:SUBCONTRACTS_TO]-() ON (r.tlp);
CREATE INDEX in_sector_tlp IF NOT EXISTS FOR ()-[r:IN_SECTOR]-() ON (r.tlp);
CREATE INDEX located_in_tlp IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.tlp);
CREATE INDEX uses_tlp IF NOT EXISTS FOR ()-[r:USES]-() ON (r.tlp);
CREATE INDEX charges_tlp IF NOT EXISTS FOR ()-[r:CHARGES]-() ON (r.tlp);
CREATE INDEX alleges_tlp IF NOT EXISTS FOR ()-[r:ALLEGES]-() ON (r.tlp);
CREATE INDEX issued_by_tlp IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.tlp);
CREATE INDEX designates_tlp IF NOT EXISTS FOR ()-[r:DESIGNATES]-() ON (r.tlp);
CREATE INDEX related_to_tlp IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.tlp);
CREATE INDEX possibly_same_as_tlp IF NOT EXISTS FOR ()-[r:POSSIBLY_SAME_AS]-() ON (r.tlp);
