// What a vendor may do with one of their packages, given the package's status and its open version's (the services
// guard the same transitions in their updates: submitListingForReview, updateListing, delistListing).

/** The package's status and its open version's (a draft, one under review or one sent back), if it has one. */
export type VendorListingState = { status: string; openStatus: string | null };

export type VendorListingActions = {
  /** Edit the open draft, or start a new version of the listed one. */
  edit: boolean;
  /** Send the open version for vetting. */
  submit: boolean;
  delist: boolean;
};

export function vendorListingActions({ status, openStatus }: VendorListingState): VendorListingActions {
  const delisted = status === 'delisted';
  return {
    edit: !delisted && openStatus !== 'pending_review',
    submit: !delisted && (openStatus === 'draft' || openStatus === 'returned'),
    delist: !delisted,
  };
}
