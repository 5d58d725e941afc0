from django.dispatch import Signal

# Sent by services.copy_plan inside its transaction, after the campaign's own rows are copied, so that
# apps to the right of campaigns (indicators) copy what they own without campaigns importing them.
# Keyword arguments: by, source, target, years (target year − source year), subcampaigns ({source
# item id: its copy}), successors ({closed organisation id: the open successor or None}). A receiver
# returns a list of review items (campaigns.copying.review_item); an exception rolls the copy back.
plan_copied = Signal()
