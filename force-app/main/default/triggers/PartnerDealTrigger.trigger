trigger PartnerDealTrigger on Partner_Deal__c(
  before insert,
  before update,
  after insert,
  after update,
  after delete,
  after undelete
) {
  PsmsTriggerDispatcher.run(Partner_Deal__c.SObjectType);
}
