trigger PartnerDealTrigger on Partner_Deal__c(before insert, before update, after insert, after update) {
  PsmsTriggerDispatcher.run(Partner_Deal__c.SObjectType);
}
